"""`python -m incidents ...`"""

from incidents.cli import main

main(prog_name="python -m incidents")
