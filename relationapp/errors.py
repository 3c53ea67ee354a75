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
