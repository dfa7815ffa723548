"""Benchmarks of pycrucible against raw httpx and the older clients' way of calling the API.

Run them with `bench/run` (all of them) or `bench/run get_dataset upload ...`. Each benchmark
starts the local Crucible server in a separate process, so the server's CPU, GIL and memory stay
out of the client's figures, runs its contenders interleaved round by round, and prints the
median of the rounds and the ratios measured in that same run. Nothing here is a test: no
figure is asserted anywhere.
"""
