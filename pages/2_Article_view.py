"""Article view: an article's text with its extracted spans highlighted, and its incidents."""
import pandas as pd
import streamlit as st

from dashboard import auth
from dashboard.data import shared_store, tables_or_stop
from dashboard.highlight import highlighted_html, legend_html, stored_reading

st.set_page_config(page_title="Article view", layout="wide")
user = auth.gate()
st.title("Article view")

url, _version, tables = tables_or_stop()
articles = tables.articles
if articles.empty:
    st.info("No articles yet: add some on the Ingest page.")
    st.stop()

ids = articles["article_id"].astype(str).tolist()
labels = {row.article_id: f"{row.title or row.name or row.article_id} — {row.outlet or 'unknown outlet'}"
          for row in articles.itertuples()}
wanted = st.query_params.get("article")
chosen = st.selectbox("Article", ids, index=ids.index(wanted) if wanted in ids else 0,
                      format_func=lambda article_id: labels.get(article_id, article_id), key="article_pick")
article = shared_store(url).article(chosen)
if article is None:
    st.error("This article is no longer in the database.")
    st.stop()

st.text(f"Outlet: {article.outlet or 'unknown'} · Published: {article.published or 'unknown'}")
if article.url.startswith(("http://", "https://")):
    st.link_button("Open the original", article.url)
elif article.url:
    st.text(f"URL: {article.url}")

reports, spans, why = stored_reading(shared_store(url), article)
if not reports:
    st.info("No incident was read from this article: the text is shown as stored.")
st.html(legend_html())
st.html(highlighted_html(article.text, spans))
if why:
    st.subheader("Why each claim says what it says")
    st.dataframe(pd.DataFrame(why), hide_index=True, width="stretch")

cited = tables.incidents[tables.incidents["article_ids"].astype("string").fillna("")
                         .str.split(";").map(lambda ids_: chosen in [i.strip() for i in ids_])]
st.subheader(f"Incidents read from this article ({len(cited)})")
st.dataframe(pd.DataFrame(cited.drop(columns=["geometry"], errors="ignore")), hide_index=True,
             width="stretch")
