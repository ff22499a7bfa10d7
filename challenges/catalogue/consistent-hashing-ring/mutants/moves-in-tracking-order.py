import bisect
import hashlib


def ring_position(label):
    """Where a label sits on the ring: the first 8 bytes of its MD5, as a big-endian int."""
    return int.from_bytes(hashlib.md5(label.encode("utf-8")).digest()[:8], "big")


class HashRing:
    def __init__(self, vnodes):
        self.vnodes = vnodes
        self._weights = {}  # node -> weight
        self._points = []  # sorted (position, node): equal positions order by node name
        self._owners = {}  # tracked key -> its current owner

    def _points_of(self, node, weight):
        return [(ring_position(f"{node}#{i}"), node) for i in range(self.vnodes * weight)]

    def owner(self, key):
        if not self._points:
            return None
        # ("", ) sorts before any node name: this finds the first point at or after the key.
        index = bisect.bisect_left(self._points, (ring_position(key), ""))
        return self._points[index % len(self._points)][1]  # past the last point: wrap

    def track(self, key):
        self._owners[key] = self.owner(key)
        return self._owners[key]

    def _reassign(self):
        moves = []
        for key in self._owners:
            before, after = self._owners[key], self.owner(key)
            if before != after:
                moves.append([key, before, after])
                self._owners[key] = after
        return moves

    def add_node(self, node, weight=1):
        if node in self._weights:
            return []
        self._weights[node] = weight
        self._points = sorted(self._points + self._points_of(node, weight))
        return self._reassign()

    def remove_node(self, node):
        if self._weights.pop(node, None) is None:
            return []
        self._points = [point for point in self._points if point[1] != node]
        return self._reassign()
