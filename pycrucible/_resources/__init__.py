"""The client's resource objects, one per area of the API (`client.datasets`, ...).

Each holds the shared `pycrucible._core.Core` and, where one area needs another (a dataset
create registers its instrument), a reference to that resource. No inheritance between them.
"""
