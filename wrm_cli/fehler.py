"""Problems that stop a run. Problems in the data are Befunde, not exceptions."""


class WrmFehler(Exception):
    """Base class: the message is one German sentence for the user."""

    exit_code = 3


class EingabeFehler(WrmFehler):
    """An input file or folder cannot be read at all."""

    exit_code = 3


class KonfigFehler(WrmFehler):
    """wrm.toml or a command-line setting is unusable."""

    exit_code = 2


class AusgabeFehler(WrmFehler):
    """The report cannot be written where it was asked to go."""

    exit_code = 2


class ArchivFehler(WrmFehler):
    """The archive cannot be used: not an archive, damaged, read-only, in use, another
    district's or a newer wrm's. The file stays as it was."""

    exit_code = 3
