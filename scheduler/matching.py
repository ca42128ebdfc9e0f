"""Bipartite matching of people to need slots (each person meets at most one need)."""

from __future__ import annotations


def max_matching(edges: list[list[int]], n_right: int) -> int:
    """Size of a maximum matching; `edges[i]` lists the right-hand slots left node i may take.
    Kuhn's augmenting paths: stations are small (a handful of people and slots)."""
    match_right = [-1] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in edges[i]:
            if not seen[j]:
                seen[j] = True
                if match_right[j] == -1 or augment(match_right[j], seen):
                    match_right[j] = i
                    return True
        return False

    return sum(1 for i in range(len(edges)) if augment(i, [False] * n_right))
