#!/usr/bin/python3
"""Exact diameter and mean shortest-path distance by igraph's C core, for the benchmark.

Reads the TSV edge list of src/analysis/graph-export.ts, keeps the largest connected component (the
same one the TypeScript summary measures) and times each metric separately, since igraph walks
all pairs once per metric. The distance histogram (ordered pairs, to check the median and every
count) is timed apart and left out of the comparison. Prints JSON.

  /usr/bin/python3 bench/python/igraph_distances.py EDGES.tsv
"""
import json
import sys
import time

import igraph

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, __file__.rsplit('/', 1)[0])
from networkx_metrics import unescape  # noqa: E402


def main(path):
    edges, lone = [], []
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = [unescape(f) for f in line.split('\t')]
            (lone if len(fields) == 1 else edges).append(tuple(fields[:2]) if len(fields) > 1 else fields[0])
    graph = igraph.Graph.TupleList(edges, directed=False)
    graph.add_vertices([key for key in lone])
    graph.simplify()
    largest = graph.connected_components().giant()
    start = time.perf_counter()
    diameter = largest.diameter(directed=False)
    diameter_seconds = time.perf_counter() - start
    start = time.perf_counter()
    mean = largest.average_path_length(directed=False)
    mean_seconds = time.perf_counter() - start
    start = time.perf_counter()
    histogram = [0] * (diameter + 1)
    for low, _high, count in largest.path_length_hist(directed=False).bins():
        histogram[int(low)] = 2 * count  # igraph counts unordered pairs; the summary counts ordered ones
    histogram_seconds = time.perf_counter() - start
    json.dump({
        'igraph_version': igraph.__version__,
        'largest_component_nodes': largest.vcount(),
        'diameter': diameter,
        'mean_distance': mean,
        'distance_histogram': histogram,
        'timings': {'diameter': diameter_seconds, 'mean_distance': mean_seconds, 'histogram': histogram_seconds},
    }, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1])
