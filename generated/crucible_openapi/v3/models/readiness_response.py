from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.readiness_build import ReadinessBuild
    from ..models.readiness_database import ReadinessDatabase


T = TypeVar("T", bound="ReadinessResponse")


@_attrs_define
class ReadinessResponse:
    """Readiness answer. v3 servers answer the nested form; older deployments answered flat fields (`db`, `db_ms`,
    `version`), which are kept as extra fields.

    """

    status: str
    """ `ok` or `degraded` (open vocabulary). """
    build: ReadinessBuild | Unset = UNSET
    """ Build facts of the deployment. """
    database: ReadinessDatabase | Unset = UNSET
    """ Database readiness. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        build: dict[str, Any] | Unset = UNSET
        if not isinstance(self.build, Unset):
            build = self.build.to_dict()

        database: dict[str, Any] | Unset = UNSET
        if not isinstance(self.database, Unset):
            database = self.database.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if build is not UNSET:
            field_dict["build"] = build
        if database is not UNSET:
            field_dict["database"] = database

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_build import ReadinessBuild  # noqa: PLC0415
        from ..models.readiness_database import ReadinessDatabase  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        _build = d.pop("build", UNSET)
        build: ReadinessBuild | Unset
        if isinstance(_build, Unset):
            build = UNSET
        else:
            build = ReadinessBuild.from_dict(_build)

        _database = d.pop("database", UNSET)
        database: ReadinessDatabase | Unset
        if isinstance(_database, Unset):
            database = UNSET
        else:
            database = ReadinessDatabase.from_dict(_database)

        readiness_response = cls(
            status=status,
            build=build,
            database=database,
        )

        readiness_response.additional_properties = d
        return readiness_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
