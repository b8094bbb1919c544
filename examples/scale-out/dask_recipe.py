#!/usr/bin/env python3
"""Run wikirel over a dump on a Dask cluster: one task per page-aligned chunk, output in dump order.

    dask_recipe.py DUMP [-o OUT.jsonl] [--workers N | --scheduler tcp://HOST:8786]
                   [--chunk-size 50M] [--index INDEX] [--cli wikirel] [-- WIKIREL_OPTION...]

Without --scheduler it starts a LocalCluster of N single-threaded worker processes on this host.
With --scheduler it uses the cluster that `dask scheduler` and `dask worker` started (see
README.md); each worker host needs the wikirel CLI (--cli: a name on the workers' PATH or a
path valid on every worker).  Needs Debian's python3-distributed (/usr/bin/python3).

Plain dumps (.xml, .xml.bz2, or - for stdin) are split here, as they are read, into chunks that
are sent to the workers as bytes.  Multistream dumps (--index) are cut at stream offsets and each
worker gets its byte range still compressed and decompresses it itself.  Either way the task
runs `wikirel --json --no-progress --jobs 1 [OPTIONS] -` with the chunk on its stdin, and the
results are written in chunk order, so the output is byte-identical to
`wikirel --json --no-progress DUMP`.  At most --window chunks are in flight at once (default two
per worker thread), which bounds the memory of this process.
"""
import argparse
import collections
import os
import subprocess
import sys

from distributed import Client, LocalCluster

import split_dump


def run_wikirel(chunk, cli, options, header=None):
    """On a worker: wikirel on one chunk -> (its JSON lines, its stderr), as bytes.

    chunk is a valid dump; or, with header, a run of compressed multistream streams to unwrap.
    """
    if header is not None:
        chunk = split_dump.wrap_streams(chunk, header)
    cmd = [cli, "--json", "--no-progress", "--jobs", "1", *options, "-"]
    proc = subprocess.run(cmd, input=chunk, capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}: "
                           + proc.stderr.decode(errors="replace"))
    return proc.stdout, proc.stderr


def submit_chunks(client, args):
    """Yield one future per chunk, in dump order, submitting each when the caller asks for it."""
    def submit(data, header=None):
        # scatter: the chunk goes to a worker as data, not inside the task graph; pure=False and
        # hash=False: no hashing of tens of MB for keys that would never be shared anyway.
        data = client.scatter(data, hash=False)
        return client.submit(run_wikirel, data, args.cli, args.options, header, pure=False)

    if args.index:
        header_end, ranges = split_dump.multistream_ranges(args.dump, args.index, args.chunk_size)
        header = split_dump.read_multistream_header(args.dump, header_end)
        for start, end in ranges:
            yield submit(split_dump.read_range(args.dump, start, end), header)
    else:
        for chunk in split_dump.iter_dump_chunks(args.dump, args.chunk_size):
            yield submit(chunk)


def run(client, args, out):
    # The workers import split_dump (run_wikirel calls it): send them this copy of it.
    client.upload_file(os.path.join(os.path.dirname(os.path.abspath(__file__)), "split_dump.py"))
    window = args.window or 2 * max(1, sum(client.nthreads().values()))
    pending = collections.deque()
    futures = submit_chunks(client, args)
    while True:
        # Keep the window full, then write the oldest chunk's result: results come out in chunk
        # order however the tasks finish.
        for future in futures:
            pending.append(future)
            if len(pending) >= window:
                break
        if not pending:
            break
        lines, errors = pending.popleft().result()
        out.write(lines)
        if errors:
            sys.stderr.buffer.write(errors)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="the dump (.xml, .xml.bz2, - for stdin; with --index: the "
                                 "-multistream.xml.bz2)")
    ap.add_argument("options", nargs="*", help="more wikirel options, after --")
    ap.add_argument("-o", "--output", default="-", help="JSON Lines output (default: stdout)")
    cluster = ap.add_mutually_exclusive_group()
    cluster.add_argument("--scheduler", help="a running scheduler's address, tcp://HOST:8786")
    cluster.add_argument("--workers", type=int, default=os.cpu_count(),
                         help="worker processes of the local cluster (default: one per core)")
    ap.add_argument("--chunk-size", default="50M", type=split_dump.parse_size,
                    help="about this many bytes a chunk: 50M, 64K, 3000 (default 50M; "
                         "compressed bytes with --index)")
    ap.add_argument("--index", help="the multistream index: split at its stream offsets")
    ap.add_argument("--cli", default="wikirel", help="the wikirel CLI on the workers")
    ap.add_argument("--window", type=int, help="chunks in flight (default: 2 per worker thread)")
    args = ap.parse_args()

    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    with out:
        if args.scheduler:
            with Client(args.scheduler) as client:
                run(client, args, out)
        else:
            with LocalCluster(n_workers=args.workers, processes=True, threads_per_worker=1,
                              host="127.0.0.1", dashboard_address=None) as local, \
                    Client(local) as client:
                run(client, args, out)


if __name__ == "__main__":  # required: the local cluster's worker processes import this file
    main()
