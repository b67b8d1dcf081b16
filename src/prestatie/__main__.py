"""`python -m prestatie` runs the `prestatie` command."""

from prestatie._cli import main

if __name__ == "__main__":
    main(prog_name="prestatie")
