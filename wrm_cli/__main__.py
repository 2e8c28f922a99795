from wrm_cli.cli import main

# Guarded: the reading processes (lesen/parallel.py) import this module again under "spawn".
if __name__ == "__main__":
    main()
