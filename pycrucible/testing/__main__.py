"""Command line: ``python -m pycrucible.testing`` runs a local Crucible server until interrupted."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from types import FrameType

from pycrucible._loopback import is_loopback
from pycrucible.testing._server import LocalCrucible

logger = logging.getLogger("pycrucible.testing")


def _delay(text: str) -> float | None:
    return None if text.lower() in {"none", "freeze", "frozen"} else float(text)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m pycrucible.testing",
        description="Run a local Crucible server (a test and development server, not production).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port (default: 8000)")
    parser.add_argument(
        "--data-dir", help="state directory, kept between runs (default: a temporary one)"
    )
    parser.add_argument("--admin-key", help="API key of the seed admin (default: stored/random)")
    parser.add_argument("--user-key", help="API key of the seed user (default: stored/random)")
    parser.add_argument(
        "--worker-delay",
        type=_delay,
        default=0.05,
        help="seconds per simulated worker step, or 'none' to freeze them (default: 0.05)",
    )
    parser.add_argument("--log-level", default="INFO", help="logging level (default: INFO)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run the server until Ctrl-C or SIGTERM."""
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    server = LocalCrucible(
        args.data_dir,
        admin_key=args.admin_key,
        user_key=args.user_key,
        worker_delay=args.worker_delay,
        host=args.host,
        port=args.port,
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
    with server:
        logger.info("This is a test and development server, not a production service.")
        if is_loopback(args.host):
            logger.info("Listening on loopback only: %s", server.url)
        else:
            logger.warning(
                "Listening on %s, reachable from other machines: %s", args.host, server.url
            )
        logger.info(
            "Data directory: %s%s", server.data_dir, "" if args.data_dir else " (temporary)"
        )
        logger.info("Admin key (%s): %s", server.admin_orcid, server.admin_key)
        logger.info("User key  (%s): %s", server.user_orcid, server.user_key)
        logger.info("Press Ctrl-C to stop.")
        stop.wait()
    logger.info("Stopped.")


if __name__ == "__main__":
    main()
