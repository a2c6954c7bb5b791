#!/usr/bin/python3
"""Reference network metrics by networkx, for checking src/analysis on the same edge list.

Reads an edge list in the format `twinning export graph --format tsv` writes (src/analysis/graph-export.ts):
`#` comment lines, `a<TAB>b` per edge, a single key per isolated node, backslash escapes.
Prints one JSON object with the metrics and the seconds each took.

  /usr/bin/python3 bench/python/networkx_metrics.py EDGES.tsv [--all-pairs] [--betweenness] [--sources FILE]

--all-pairs    exact diameter, mean and median distance over the largest component (slow on big graphs)
--betweenness  exact betweenness centrality, normalised (networkx's default for undirected graphs)
--sources FILE breadth-first searches from the keys listed in FILE (one per line), distance histogram summed
The power-law fit is not in networkx: power_law_fit below re-implements the discrete maximum-likelihood
method of Clauset, Shalizi and Newman (2009) independently of the TypeScript code.
"""
import json
import math
import statistics
import sys
import time

import networkx as nx

UNESCAPE = {'\\\\': '\\', '\\t': '\t', '\\n': '\n', '\\r': '\r'}


def unescape(field):
    out, i = [], 0
    while i < len(field):
        pair = field[i:i + 2]
        if pair in UNESCAPE:
            out.append(UNESCAPE[pair])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return ''.join(out)


def read_graph(path):
    graph = nx.Graph()
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = [unescape(f) for f in line.split('\t')]
            if len(fields) == 1:
                graph.add_node(fields[0])
            else:
                graph.add_edge(fields[0], fields[1])
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    return graph


EULER_MACLAURIN = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000]


def hurwitz(alpha, q):
    """Sum over k >= q of k^-alpha and of ln(k) k^-alpha: direct terms, then the Euler-Maclaurin tail."""
    a = q + 16 + math.ceil(alpha)
    zeta = log_zeta = 0.0
    for k in range(q, a):
        term = k ** -alpha
        zeta += term
        log_zeta += math.log(k) * term
    ln_a, pow_a, s = math.log(a), a ** -alpha, alpha - 1
    zeta += a * pow_a / s + pow_a / 2
    log_zeta += a * pow_a * (ln_a / s + 1 / (s * s)) + ln_a * pow_a / 2
    rising, rising_log, power = alpha, 1 / alpha, pow_a / a
    for j, c in enumerate(EULER_MACLAURIN):
        zeta += c * rising * power
        log_zeta += c * power * rising * (ln_a - rising_log)
        r = 2 * j + 1
        rising *= (alpha + r) * (alpha + r + 1)
        rising_log += 1 / (alpha + r) + 1 / (alpha + r + 1)
        power /= a * a
    return zeta, log_zeta


def power_law_fit(values):
    values = sorted(v for v in values if v >= 1)
    distinct = sorted(set(values))
    best = None
    for xmin in distinct[:-1]:
        tail = [v for v in values if v >= xmin]
        mean_log = sum(math.log(v) for v in tail) / len(tail)
        low, high = 1 + 1e-6, 50.0
        zeta, log_zeta = hurwitz(high, xmin)
        if log_zeta / zeta - mean_log >= 0:
            alpha = high
        else:
            for _ in range(100):
                mid = (low + high) / 2
                zeta, log_zeta = hurwitz(mid, xmin)
                if log_zeta / zeta - mean_log > 0:
                    low = mid
                else:
                    high = mid
            alpha = (low + high) / 2
        norm = hurwitz(alpha, xmin)[0]
        fitted, below, worst = 0.0, 0, 0.0
        for k in range(xmin, tail[-1] + 1):
            fitted += k ** -alpha / norm
            while below < len(tail) and tail[below] <= k:
                below += 1
            worst = max(worst, abs(below / len(tail) - fitted))
        if best is None or worst < best['ks']:
            best = {'alpha': alpha, 'xmin': xmin, 'tail': len(tail), 'ks': worst}
    return best


def main(argv):
    path = argv[1]
    options = argv[2:]
    timings = {}

    def timed(name, run):
        start = time.perf_counter()
        value = run()
        timings[name] = time.perf_counter() - start
        return value

    graph = timed('read', lambda: read_graph(path))
    out = {'nodes': graph.number_of_nodes(), 'edges': graph.number_of_edges()}
    degrees = timed('degrees', lambda: dict(graph.degree()))
    out['degrees'] = degrees
    out['max_degree'] = max(degrees.values(), default=0)
    components = timed('components', lambda: list(nx.connected_components(graph)))
    out['components'] = len(components)
    largest = graph.subgraph(max(components, key=len)) if components else nx.Graph()
    out['largest_component_nodes'] = largest.number_of_nodes()
    out['largest_component_edges'] = largest.number_of_edges()
    out['transitivity'] = timed('transitivity', lambda: nx.transitivity(graph))
    out['average_clustering'] = timed('average_clustering', lambda: nx.average_clustering(graph))
    out['triangles'] = timed('triangles', lambda: sum(nx.triangles(graph).values()) // 3)
    out['degree_assortativity'] = timed('degree_assortativity', lambda: nx.degree_assortativity_coefficient(graph))
    out['power_law'] = timed('power_law', lambda: power_law_fit(list(degrees.values())))
    if '--all-pairs' in options:
        out.update(timed('all_pairs', lambda: all_pairs(largest)))
    if '--betweenness' in options:
        out['betweenness'] = timed('betweenness', lambda: nx.betweenness_centrality(graph, normalized=True))
    if '--sources' in options:
        with open(options[options.index('--sources') + 1], encoding='utf-8') as handle:
            sources = [unescape(line.rstrip('\n')) for line in handle if line.strip()]
        out['sample'] = timed('sample_bfs', lambda: sample_bfs(graph, sources))
    out['timings'] = timings
    json.dump(out, sys.stdout)


def all_pairs(largest):
    lengths = [d for _, row in nx.all_pairs_shortest_path_length(largest) for d in row.values() if d > 0]
    histogram = [0] * (max(lengths, default=0) + 1)
    for d in lengths:
        histogram[d] += 1
    connected = largest.number_of_nodes() > 0
    return {
        'diameter': nx.diameter(largest) if connected else 0,
        'mean_distance': nx.average_shortest_path_length(largest) if connected else 0,
        'median_distance': statistics.median(lengths) if lengths else 0,
        'distance_histogram': histogram,
        'shortest_path_lengths': {s: row for s, row in nx.all_pairs_shortest_path_length(largest)},
    }


def sample_bfs(graph, sources):
    histogram = {}
    per_source = []
    for s in sources:
        row = nx.single_source_shortest_path_length(graph, s)
        per_source.append(sum(row.values()))
        for d in row.values():
            if d > 0:
                histogram[d] = histogram.get(d, 0) + 1
    size = max(histogram, default=0) + 1
    return {'sources': len(sources), 'histogram': [histogram.get(d, 0) for d in range(size)], 'distance_sums': per_source}


if __name__ == '__main__':
    main(sys.argv)
