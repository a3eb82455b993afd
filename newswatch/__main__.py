"""`python -m newswatch`: the same as the `newswatch` command."""

from newswatch.cli import main

if __name__ == "__main__":
    main()
