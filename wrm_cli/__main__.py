from wrm_cli.cli import main

main()
