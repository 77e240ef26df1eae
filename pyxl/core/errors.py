"""The one exception type for problems the user can fix."""


class ParbookError(Exception):
    """A problem with the user's input, carrying a Vietnamese message (what, where, how to fix)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
