"""``python -m filelint``."""

if __name__ == "__main__":  # not when a spawned worker imports this process's main module
    from filelint.cli import console

    console()
