from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sample_graph_links_item import SampleGraphLinksItem
    from ..models.sample_graph_nodes_item import SampleGraphNodesItem


T = TypeVar("T", bound="SampleGraph")


@_attrs_define
class SampleGraph:
    """networkx node-link JSON of a project's sample parent/child graph."""

    nodes: list[SampleGraphNodesItem]
    """ Samples, each with `id` (MFID) and `sample_name`. """
    links: list[SampleGraphLinksItem]
    """ Edges, each with `source` (parent MFID) and `target` (child MFID). """
    directed: bool | Unset = UNSET
    """ Always true. """
    multigraph: bool | Unset = UNSET
    """ Always false. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        directed = self.directed

        multigraph = self.multigraph

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodes": nodes,
                "links": links,
            }
        )
        if directed is not UNSET:
            field_dict["directed"] = directed
        if multigraph is not UNSET:
            field_dict["multigraph"] = multigraph

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sample_graph_links_item import SampleGraphLinksItem  # noqa: PLC0415
        from ..models.sample_graph_nodes_item import SampleGraphNodesItem  # noqa: PLC0415

        d = dict(src_dict)
        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = SampleGraphNodesItem.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = SampleGraphLinksItem.from_dict(links_item_data)

            links.append(links_item)

        directed = d.pop("directed", UNSET)

        multigraph = d.pop("multigraph", UNSET)

        sample_graph = cls(
            nodes=nodes,
            links=links,
            directed=directed,
            multigraph=multigraph,
        )

        sample_graph.additional_properties = d
        return sample_graph

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
