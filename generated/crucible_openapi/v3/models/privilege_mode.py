from enum import StrEnum


class PrivilegeMode(StrEnum):
    ELEVATED = "elevated"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
