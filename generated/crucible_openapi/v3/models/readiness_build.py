from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadinessBuild")


@_attrs_define
class ReadinessBuild:
    """Build facts of the deployment."""

    api_version: str | Unset = UNSET
    """ API version, e.g. `3.0.0`. """
    git_commit: None | str | Unset = UNSET
    """ 40-hex commit of the deployed build. """
    branch: None | str | Unset = UNSET
    """ Deployed branch, e.g. `staging`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_version = self.api_version

        git_commit: None | str | Unset
        if isinstance(self.git_commit, Unset):
            git_commit = UNSET
        else:
            git_commit = self.git_commit

        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_version is not UNSET:
            field_dict["api_version"] = api_version
        if git_commit is not UNSET:
            field_dict["git_commit"] = git_commit
        if branch is not UNSET:
            field_dict["branch"] = branch

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_version = d.pop("api_version", UNSET)

        def _parse_git_commit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        git_commit = _parse_git_commit(d.pop("git_commit", UNSET))

        def _parse_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch = _parse_branch(d.pop("branch", UNSET))

        readiness_build = cls(
            api_version=api_version,
            git_commit=git_commit,
            branch=branch,
        )

        readiness_build.additional_properties = d
        return readiness_build

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
