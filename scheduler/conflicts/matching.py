"""Bipartite matching of people to need slots (each person meets at most one need)."""

from __future__ import annotations


def matching(edges: list[list[int]], n_right: int) -> list[int]:
    """A maximum matching as, for each right-hand slot, the left node holding it (-1: none);
    `edges[i]` lists the slots left node i may take. Kuhn's augmenting paths: stations are small
    (a handful of people and slots)."""
    match_right = [-1] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in edges[i]:
            if not seen[j]:
                seen[j] = True
                if match_right[j] == -1 or augment(match_right[j], seen):
                    match_right[j] = i
                    return True
        return False

    for i in range(len(edges)):
        augment(i, [False] * n_right)
    return match_right


def max_matching(edges: list[list[int]], n_right: int) -> int:
    """Size of a maximum matching."""
    return sum(1 for holder in matching(edges, n_right) if holder != -1)
