"""Command-line entry point: no arguments launches the desktop app; subcommands run the rest.

Only argument parsing lives here; every command calls into the packages, which is why this is
the one module allowed to import all of them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhongcao-studio",
        description="Zhongcao Studio (种草工作室): make, review, schedule and measure notes.",
    )
    parser.add_argument(
        "--data-dir", help="folder for the embedded backend's database and media store"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="run the backend (HTTP API) in the foreground")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    serve.add_argument("--db", help="SQLAlchemy URL; default: SQLite in the data folder")
    serve.add_argument("--data-dir", dest="serve_data_dir", help="database and media folder")
    serve.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="stop when standard input closes (used by the desktop app for its child backend)",
    )
    serve.add_argument("--rules", help="rules pack JSON replacing the shipped one")
    serve.add_argument(
        "--misfire",
        choices=["publish", "hold"],
        help="a scheduled note found due after downtime: publish late (default) or hold",
    )
    serve.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        help="worker processes answering on the port (PostgreSQL only; see docs/team-server.md)",
    )
    edit = sub.add_parser(
        "edit",
        help="render photos with a recipe into JPEGs (one line per file; exit 1 if any failed)",
    )
    edit.add_argument("inputs", nargs="+", metavar="INPUT", help="photos to render")
    edit.add_argument("--recipe", required=True, help="recipe JSON file (see docs/recipes.md)")
    edit.add_argument("--out", required=True, help="folder for the JPEGs (created if missing)")
    edit.add_argument("--size", help="output WxH, e.g. 1080x1440; default: the platform's size")
    edit.add_argument("--quality", help="JPEG quality 1-100 (default 90)")
    template = sub.add_parser("template", help="cover templates (see docs/templates.md)")
    template_sub = template.add_subparsers(dest="template_command", required=True)
    template_render = template_sub.add_parser(
        "render", help="render a template with photos and texts into a JPEG"
    )
    template_render.add_argument("template", metavar="TEMPLATE", help="JSON file or built-in name")
    template_render.add_argument(
        "--photo", action="append", default=[], help="a photo for the next slot (repeat)"
    )
    template_render.add_argument(
        "--text", action="append", default=[], help="SLOT=TEXT for a named text slot (repeat)"
    )
    template_render.add_argument("-o", "--out", required=True, help="the JPEG to write")
    template_render.add_argument("--width", type=int, help="output width (default: template's)")
    template_render.add_argument("--quality", type=int, default=90, help="JPEG quality 1-100")
    _add_video_commands(sub)
    package = sub.add_parser(
        "package",
        help="write a note's publish package: numbered images, cover, caption.txt, meta.json",
    )
    package.add_argument("note_id", metavar="NOTE_ID")
    package.add_argument("-o", "--out", required=True, help="folder for the files")
    package.add_argument(
        "--data-dir", dest="package_data_dir", help="local studio data folder (default: yours)"
    )
    package.add_argument("--server", help="backend URL instead of the local studio")
    package.add_argument("--token", help="bearer token for --server")
    demo = sub.add_parser(
        "demo", help="seed a labelled demo world (accounts, notes, 90 days of data) to explore"
    )
    demo.add_argument(
        "--scale",
        choices=["small", "large"],
        default="small",
        help="small (default): ~500,000 events in seconds; large: 10 million in a few minutes",
    )
    demo.add_argument(
        "--data-dir", dest="demo_data_dir", metavar="DIR", help="data folder (default: yours)"
    )
    demo.add_argument("--reset", action="store_true", help="replace a demo world seeded before")
    return parser


def _worker_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {text!r}")
    return int(text)


def _add_video_commands(sub: argparse._SubParsersAction) -> None:
    video = sub.add_parser("video", help="probe, trim and export videos (see docs/video.md)")
    video_sub = video.add_subparsers(dest="video_command", required=True)
    probe = video_sub.add_parser("probe", help="print what a video is, as JSON")
    probe.add_argument("input", metavar="IN")
    trim = video_sub.add_parser(
        "trim", help="cut a span by stream copy: no re-encode, starts at a keyframe"
    )
    trim.add_argument("input", metavar="IN")
    trim.add_argument("--start", type=float, required=True, help="seconds")
    trim.add_argument("--end", type=float, required=True, help="seconds")
    trim.add_argument("-o", "--out", required=True, help="the file to write (.mp4, .mov …)")
    export = video_sub.add_parser(
        "export", help="render a video edit into an H.264/AAC MP4 at the platform's size"
    )
    export.add_argument("input", metavar="IN", help='the source the edit\'s clips name ""')
    export.add_argument("--recipe", required=True, help="video edit JSON (see docs/video.md)")
    export.add_argument("-o", "--out", required=True, help="the MP4 to write")
    export.add_argument(
        "--source", action="append", default=[], help="KEY=PATH for another source (repeat)"
    )
    export.add_argument("--music", help="an audio file to mix under the video")


def _video(args: argparse.Namespace) -> int:
    from editor.video import command

    streams = {"stdout": sys.stdout, "stderr": sys.stderr}
    if args.video_command == "probe":
        return command.probe_command(args.input, **streams)
    if args.video_command == "trim":
        return command.trim_command(args.input, args.start, args.end, args.out, **streams)
    return command.export_command(
        args.input,
        args.recipe,
        args.out,
        extra_sources=args.source,
        music=args.music,
        **streams,
    )


def _package(args: argparse.Namespace) -> int:
    from publisher import package_command
    from publisher.server.run import default_data_dir

    try:
        request = package_command.parse(
            args.note_id, args.out, args.package_data_dir or args.data_dir, args.server, args.token
        )
    except package_command.PackageError as exc:
        print(f"package: {exc.code}", file=sys.stderr)
        return exc.exit_code
    return package_command.run(
        request, default_dir=default_data_dir(), stdout=sys.stdout, stderr=sys.stderr
    )


def _edit(args: argparse.Namespace) -> int:
    from editor import batch

    try:
        job = batch.prepare(args.recipe, args.out, args.size, args.quality)
    except batch.UsageError as exc:
        print(f"edit: {exc}", file=sys.stderr)
        return batch.EXIT_USAGE
    return batch.run(job, args.inputs, sys.stdout)


def _template(args: argparse.Namespace) -> int:
    from editor import template_command

    return template_command.render_command(
        args.template,
        args.photo,
        args.text,
        args.out,
        width=args.width,
        quality=args.quality,
        stdout=sys.stdout,
        stderr=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    if args.command == "serve":
        from publisher.server.run import serve

        return serve(
            host=args.host,
            port=args.port,
            db_url=args.db,
            data_dir=args.serve_data_dir or args.data_dir,
            exit_with_parent=args.exit_with_parent,
            rules_path=args.rules,
            misfire=args.misfire,
            workers=args.workers,
        )
    if args.command == "edit":
        return _edit(args)
    if args.command == "package":
        return _package(args)
    if args.command == "template":
        return _template(args)
    if args.command == "video":
        return _video(args)
    if args.command == "demo":
        from publisher.demo.command import run

        data_dir = args.demo_data_dir or args.data_dir
        return run(args.scale, data_dir, reset=args.reset, stdout=sys.stdout, stderr=sys.stderr)
    from studio.app import run_app

    return run_app(data_dir=args.data_dir, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
