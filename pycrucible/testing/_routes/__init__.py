"""The HTTP routes of the local server, one module per resource; function names are operationIds."""
