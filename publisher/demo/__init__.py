"""A realistic, clearly labelled demo world: `main.py demo` (see `publisher.demo.command`)."""
