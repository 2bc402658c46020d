// A real OpenID Connect provider for the sign-in tests: npm's oidc-provider on 127.0.0.1.
//
//   node server.js PORT CONFIG.json
//
// CONFIG.json: {"clients": [{client_id, client_secret, redirect_uris, post_logout_redirect_uris}],
//               "users": {"login": {"email": ..., "name": ..., "id_token_ttl": seconds}}}
// The login form is oidc-provider's own development form (any password); only the
// users of the config can sign in. Consent is granted for the configured clients, so a
// sign-in is: the app's button -> this login form -> back to the app. A user's
// id_token_ttl makes short-lived ID tokens, for the expiry test. Prints "ready ISSUER".
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const issuer = `http://127.0.0.1:${port}`;
const users = config.users;

const provider = new Provider(issuer, {
  clients: config.clients,
  cookies: { keys: ['incident-map-test-oidc-cookie-key'] },
  conformIdTokenClaims: false, // email and name in the ID token, as Google, Entra and Keycloak do
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // the app's "Sign out" (and an expired ID token) ends the provider's session too, no question asked
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><body>${form}<script>
          const f = document.getElementById('op.logoutForm');
          const yes = document.createElement('input');
          yes.type = 'hidden'; yes.name = 'logout'; yes.value = 'yes';
          f.appendChild(yes); f.submit();
        </script></body></html>`;
      },
    },
  },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: user.email, email_verified: true, name: user.name };
      },
    };
  },
  async loadExistingGrant(ctx) {
    // a first-party test client: the scopes it asks for are granted without a consent page
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  ttl: {
    IdToken: (ctx, token) => users[token.available?.sub]?.id_token_ttl ?? 3600,
    AccessToken: 3600,
    AuthorizationCode: 60,
    Grant: 3600,
    Interaction: 600,
    Session: 3600,
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<h1>oidc error</h1><pre>${JSON.stringify(out).replace(/</g, '&lt;')}</pre>`;
  },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));
provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
