"""Disjoint sets over hashable keys, for the stages that join records transitively (name forms into
entities, claims into one count group, drafts into one event). Written here rather than taken from
scipy (``scipy.cluster.hierarchy.DisjointSet``) because scipy is not a runtime dependency."""
from __future__ import annotations

from collections.abc import Hashable


class UnionFind:
    """Disjoint sets (path halving, union by size); a key is its own set until joined."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.size: dict = {}

    def find(self, x: Hashable):
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self.size[x] = 1
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
