"""Errors a service raises; their messages are shown to the user as they are."""


class ServiceError(Exception):
    """Base: the operation was refused and nothing was saved."""


class ValidationError(ServiceError):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field
        self.message = message


class NotFound(ServiceError):
    pass


class ConflictError(ServiceError):
    """Somebody saved the record after the form loaded it: nothing was saved.

    ``yours`` holds the fields as the form sent them, ``theirs`` the same
    fields as they are stored now (plain values, by the service's field
    names); ``version`` is the stored version, to pass as ``expected_version``
    when the user chooses to save over it.
    """

    def __init__(self, message: str, *, yours: dict, theirs: dict, version: int):
        super().__init__(message)
        self.message = message
        self.yours = dict(yours)
        self.theirs = dict(theirs)
        self.version = version

    def differing(self) -> list[str]:
        """The fields where what you saved and what is stored differ, in the form's order."""
        return [name for name in self.yours if self.yours[name] != self.theirs.get(name)]


class ConnectionLost(ServiceError):
    """The database server stopped answering (stopped, restarted, the network gone) during an operation:
    its transaction ended with the connection, so nothing of it was saved."""


class NotAllowed(ServiceError):
    """The staff member signed in may not do this (only one who manages staff may): nothing was saved."""
