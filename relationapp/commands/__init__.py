"""CLI subcommands, one module per noun (see relationapp.commands.cli)."""
