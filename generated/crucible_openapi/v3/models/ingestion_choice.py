from enum import StrEnum


class IngestionChoice(StrEnum):
    NOT_REQUESTED = "not_requested"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
