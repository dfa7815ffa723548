from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_create_info import UserCreateInfo


T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """Create or update (upsert) a user. `is_service_account` is refused: service accounts have their own route."""

    user_info: UserCreateInfo
    """ The new user's details. """
    project_ids: list[str] | Unset = UNSET
    """ Project slugs the user joins. """

    def to_dict(self) -> dict[str, Any]:
        user_info = self.user_info.to_dict()

        project_ids: list[str] | Unset = UNSET
        if not isinstance(self.project_ids, Unset):
            project_ids = self.project_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_info": user_info,
            }
        )
        if project_ids is not UNSET:
            field_dict["project_ids"] = project_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_create_info import UserCreateInfo  # noqa: PLC0415

        d = dict(src_dict)
        user_info = UserCreateInfo.from_dict(d.pop("user_info"))

        project_ids = cast(list[str], d.pop("project_ids", UNSET))

        user_create = cls(
            user_info=user_info,
            project_ids=project_ids,
        )

        return user_create
