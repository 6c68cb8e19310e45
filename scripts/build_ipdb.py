#!/usr/bin/env python3
"""Build the hotline's embedded IP database (data/ipdb/hotline-asn-country.mmdb.gz).

One MaxMind DB (MMDB, format 2.0, IPv6 tree with IPv4 under ::/96 and aliased at
::ffff:0:0/96) whose records are {"asn": uint32, "org": string, "cc": string}, merged from
two pinned npm packages of the ip-location-db project:

  * @ip-location-db/asn                    -> asn, org   (RouteViews, NRO/RIRs, DB-IP Lite)
  * @ip-location-db/geo-whois-asn-country  -> cc         (GeoFeed > RIR whois > ASN country)

The CSV rows of both packages contain nested, overlapping ranges. Each source is first
flattened so that the most specific (smallest) range covering an address wins; the two
flattened sources are then merged range by range, so a record may carry only an ASN or only
a country when the other source has no row there. Special-purpose ranges (private, loopback,
documentation, ...: the list SPECIAL below) are cut out, so they have no record.

Only the Python 3 standard library is needed, plus `npm` to fetch the packages. The MMDB is
written by this script itself (no third-party writer), and the result is byte-for-byte
reproducible: the build_epoch is the data date encoded in the package version, and the gzip
header carries no name and no time.

usage:
  scripts/build_ipdb.py [--inputs DIR] [--out FILE] [--keep-mmdb FILE]

  --inputs DIR   where the npm tarballs are (downloaded there with `npm pack` when missing;
                 default: a temporary directory). Their sha256 must match the pins below.
  --out FILE     default: data/ipdb/hotline-asn-country.mmdb.gz next to this script's repository.
  --keep-mmdb F  also write the uncompressed MMDB to F (for mmdblookup and friends).

To move to newer data, change VERSION and the two sha256 pins, run the script, and update
data/ipdb/SOURCES.md with the numbers it prints.
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import csv
import gzip
import hashlib
import heapq
import io
import ipaddress
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time

# ---------------------------------------------------------------------------------------
# Pinned inputs.

VERSION = "2.3.2026061719"
PACKAGES = {
    # npm name: (tarball file name written by `npm pack`, sha256 of the tarball)
    "@ip-location-db/asn": (
        f"ip-location-db-asn-{VERSION}.tgz",
        "b9425daf2f011c28f8586685d4f89166e77627e2c15fd93c6262c3e2dead6153",
    ),
    "@ip-location-db/geo-whois-asn-country": (
        f"ip-location-db-geo-whois-asn-country-{VERSION}.tgz",
        "2a3e609015884c93c2d398e777ce1d2d34cab026054c43559bff32b25669f606",
    ),
}
ASN_PACKAGE = "@ip-location-db/asn"
CC_PACKAGE = "@ip-location-db/geo-whois-asn-country"

DATABASE_TYPE = "hotline-asn-country"
DESCRIPTION = (
    f"ASN and organisation: {ASN_PACKAGE}@{VERSION} (RouteViews, NRO, DB-IP Lite; CC BY 4.0). "
    f"Country: {CC_PACKAGE}@{VERSION} (GeoFeed, NRO whois; CC BY 4.0). "
    "Built by hotline scripts/build_ipdb.py: the most specific range wins; special-purpose "
    "(non-public) ranges have no record."
)


def version_epoch(version: str) -> int:
    """2.3.YYYYMMDDHH -> the Unix time of that UTC hour (the date the data was built)."""
    stamp = version.rsplit(".", 1)[1]
    return calendar.timegm(time.strptime(stamp, "%Y%m%d%H"))


# ---------------------------------------------------------------------------------------
# Inputs.


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(inputs: str) -> dict[str, str]:
    """Return {package: tarball path}, running `npm pack` for missing tarballs."""
    paths = {}
    for name, (file_name, want) in PACKAGES.items():
        path = os.path.join(inputs, file_name)
        if not os.path.exists(path):
            print(f"npm pack {name}@{VERSION}", file=sys.stderr)
            subprocess.run(
                ["npm", "pack", "--silent", f"{name}@{VERSION}"],
                cwd=inputs,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        got = sha256_file(path)
        if got != want:
            sys.exit(f"{path}: sha256 {got}, expected {want} (pinned for {name}@{VERSION})")
        paths[name] = path
    return paths


def read_csv(tgz: str, member: str, value_columns: int):
    """Rows (start, end, value tuple, row number) of one CSV inside an npm tarball."""
    rows = []
    with tarfile.open(tgz, "r:gz") as tar:
        raw = tar.extractfile(f"package/{member}")
        if raw is None:
            sys.exit(f"{tgz}: no package/{member}")
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        for n, r in enumerate(csv.reader(text)):
            start = int(ipaddress.ip_address(r[0]))
            end = int(ipaddress.ip_address(r[1]))
            if end < start:
                sys.exit(f"{member} row {n + 1}: end before start")
            rows.append((start, end, tuple(r[2 : 2 + value_columns]), n))
    return rows


# ---------------------------------------------------------------------------------------
# Ranges.


def flatten(rows):
    """Sorted, non-overlapping [(lo, hi, value)]: where rows overlap, the smallest range
    covering an address wins; between two equally small ones, the earlier row wins.
    Adjacent pieces with equal values are joined. Returns (pieces, overlapping row count)."""
    rows = sorted(rows, key=lambda r: (r[0], -r[1], r[3]))
    overlapping = 0
    reach = -1
    for s, e, _, _ in rows:
        if s <= reach:
            overlapping += 1
        reach = max(reach, e)
    bounds = sorted({b for s, e, _, _ in rows for b in (s, e + 1)})
    out = []
    heap = []
    i = 0
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1] - 1
        while i < len(rows) and rows[i][0] <= lo:
            s, e, v, n = rows[i]
            heapq.heappush(heap, (e - s, n, e, v))
            i += 1
        while heap and heap[0][2] < lo:
            heapq.heappop(heap)
        if not heap:
            continue
        # Ended entries are dropped lazily, only from the top: the top is then the smallest
        # range still covering lo. Partial overlaps (neither range inside the other) resolve
        # the same way: the smaller range wins on the shared part.
        v = heap[0][3]
        if out and out[-1][2] == v and out[-1][1] + 1 == lo:
            out[-1] = (out[-1][0], hi, v)
        else:
            out.append((lo, hi, v))
    return out, overlapping


def merge(a, b):
    """Merge two flattened lists into [(lo, hi, (value_a or None, value_b or None))]."""
    bounds = sorted({x for s, e, _ in a for x in (s, e + 1)} | {x for s, e, _ in b for x in (s, e + 1)})
    ia = ib = 0
    out = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1] - 1
        while ia < len(a) and a[ia][1] < lo:
            ia += 1
        while ib < len(b) and b[ib][1] < lo:
            ib += 1
        va = a[ia][2] if ia < len(a) and a[ia][0] <= lo else None
        vb = b[ib][2] if ib < len(b) and b[ib][0] <= lo else None
        if va is None and vb is None:
            continue
        v = (va, vb)
        if out and out[-1][2] == v and out[-1][1] + 1 == lo:
            out[-1] = (out[-1][0], hi, v)
        else:
            out.append((lo, hi, v))
    return out


# Addresses that are never public; the hotline's `is_public` (crates/hotline-network/src/lib.rs)
# refuses the same. The npm data has rows for some of them (172.16.0.0/12 and 192.168.0.0/16
# "AU", 2001:2::/48 "JP"); they are cut out so such addresses have no record.
SPECIAL = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "64:ff9b::/32", "100::/16", "2001:2::/48", "2001:db8::/32",
    "fc00::/7", "fe80::/10", "ff00::/8",
]


def special_ranges(version: int):
    nets = [ipaddress.ip_network(n) for n in SPECIAL]
    return sorted(
        (int(n.network_address), int(n.broadcast_address)) for n in nets if n.version == version
    )


def cidr(lo: int, hi: int, version: int) -> str:
    address = ipaddress.IPv4Address if version == 4 else ipaddress.IPv6Address
    return ", ".join(str(n) for n in ipaddress.summarize_address_range(address(lo), address(hi)))


def subtract(segments, holes):
    """Cut the sorted, non-overlapping `holes` [(lo, hi)] out of the segments.
    Returns (segments, the holes that cut something)."""
    out = []
    hit = set()
    h = 0
    for lo, hi, v in segments:
        while h < len(holes) and holes[h][1] < lo:
            h += 1
        k = h
        while lo <= hi and k < len(holes) and holes[k][0] <= hi:
            hole_lo, hole_hi = holes[k]
            if hole_lo > lo:
                out.append((lo, hole_lo - 1, v))
            hit.add(holes[k])
            lo = min(hi, hole_hi) + 1
            k += 1
        if lo <= hi:
            out.append((lo, hi, v))
    return out, sorted(hit)


# ---------------------------------------------------------------------------------------
# MMDB writer (https://maxmind.github.io/MaxMind-DB/).

V4_MAPPED = 0xFFFF << 32  # ::ffff:0:0/96, aliased to the IPv4 subtree at ::/96
RECORD_SIZE = 24
MAX_RECORD = (1 << RECORD_SIZE) - 1


class DataSection:
    """Encodes values; strings already written are replaced by pointers when shorter."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.strings: dict[str, int] = {}

    @staticmethod
    def control(type_: int, size: int) -> bytes:
        if type_ <= 7:
            first, ext = type_ << 5, b""
        else:
            first, ext = 0, bytes([type_ - 7])
        if size < 29:
            return bytes([first | size]) + ext
        if size < 29 + 256:
            return bytes([first | 29]) + ext + (size - 29).to_bytes(1, "big")
        if size < 285 + 65536:
            return bytes([first | 30]) + ext + (size - 285).to_bytes(2, "big")
        return bytes([first | 31]) + ext + (size - 65821).to_bytes(3, "big")

    @staticmethod
    def pointer(offset: int) -> bytes:
        if offset < 1 << 11:
            return bytes([0x20 | (offset >> 8), offset & 0xFF])
        p = offset - 2048
        if p < 1 << 19:
            return bytes([0x28 | (p >> 16)]) + (p & 0xFFFF).to_bytes(2, "big")
        p = offset - 526336
        if p < 1 << 27:
            return bytes([0x30 | (p >> 24)]) + (p & 0xFFFFFF).to_bytes(3, "big")
        return bytes([0x38]) + offset.to_bytes(4, "big")

    @classmethod
    def string(cls, s: str) -> bytes:
        b = s.encode("utf-8")
        return cls.control(2, len(b)) + b

    @classmethod
    def uint(cls, type_: int, n: int) -> bytes:
        b = n.to_bytes((n.bit_length() + 7) // 8, "big")
        return cls.control(type_, len(b)) + b

    def put_string(self, s: str) -> None:
        inline = self.string(s)
        at = self.strings.get(s)
        if at is not None:
            ptr = self.pointer(at)
            if len(ptr) < len(inline):
                self.buf += ptr
                return
        else:
            self.strings[s] = len(self.buf)
        self.buf += inline

    def put_record(self, asn_org, cc) -> int:
        """{"asn": uint32, "org": string, "cc": string}, each part only when known."""
        offset = len(self.buf)
        pairs = (2 if asn_org else 0) + (1 if cc else 0)
        self.buf += self.control(7, pairs)
        if asn_org:
            self.put_string("asn")
            self.buf += self.uint(6, int(asn_org[0]))
            self.put_string("org")
            self.put_string(asn_org[1])
        if cc:
            self.put_string("cc")
            self.put_string(cc[0])
        return offset


def build_tree(segments, record_of):
    """Search tree over sorted, non-overlapping [(lo, hi, value)] in the 128-bit space.

    Returns nodes as a list of [left, right]; a record is a node index (>= 0), EMPTY, or
    -2 - data offset. Nodes are numbered in depth-first order, root 0."""
    # A placeholder segment makes the walk reach the node of ::ffff:0:0/96 (the alias).
    at = bisect.bisect_left(segments, V4_MAPPED, key=lambda seg: seg[0])
    if at < len(segments) and segments[at][0] <= V4_MAPPED | 0xFFFFFFFF:
        sys.exit("IPv6 data inside ::ffff:0:0/96 would hide the IPv4 alias")
    segments = segments[:at] + [(V4_MAPPED, V4_MAPPED | 0xFFFFFFFF, None)] + segments[at:]
    starts = [s for s, _, _ in segments]
    nodes: list[list[int]] = []
    ipv4_root: list[int] = []

    def build(lo: int, bits: int, i: int, j: int) -> int:
        # Node covering [lo, lo + 2**bits); segments[i:j] are the ones intersecting it.
        if bits == 32 and lo == V4_MAPPED:
            return ipv4_root[0]
        if i == j:
            return EMPTY
        hi = lo + (1 << bits) - 1
        if j - i == 1 and segments[i][0] <= lo and segments[i][1] >= hi:
            return record_of(segments[i][2])
        index = len(nodes)
        nodes.append([EMPTY, EMPTY])
        mid = lo + (1 << (bits - 1))
        k = bisect.bisect_left(starts, mid, i, j)  # first segment starting in the right half
        right_i = k - 1 if k > i and segments[k - 1][1] >= mid else k
        left = build(lo, bits - 1, i, k)
        if bits - 1 == 32 and lo == 0:
            ipv4_root.append(left)
        nodes[index][0] = left
        nodes[index][1] = build(mid, bits - 1, right_i, j)
        return index

    root = build(0, 128, 0, len(segments))
    if root != 0:
        sys.exit("the database is empty")
    if not ipv4_root:
        sys.exit("no IPv4 subtree was built")
    return nodes


EMPTY = -1


def write_mmdb(segments, epoch: int) -> tuple[bytes, dict]:
    data = DataSection()
    offsets: dict = {}

    def record_of(value) -> int:
        at = offsets.get(value)
        if at is None:
            at = offsets[value] = data.put_record(*value)
        return -2 - at

    nodes = build_tree(segments, record_of)
    node_count = len(nodes)

    def resolve(r: int) -> int:
        if r >= 0:
            return r
        if r == EMPTY:
            return node_count
        return node_count + 16 + (-2 - r)

    tree = bytearray(node_count * 6)
    for n, (left, right) in enumerate(nodes):
        a, b = resolve(left), resolve(right)
        if a > MAX_RECORD or b > MAX_RECORD:
            sys.exit("the tree and data do not fit 24-bit records")
        tree[6 * n : 6 * n + 6] = a.to_bytes(3, "big") + b.to_bytes(3, "big")

    meta = DataSection()
    items = [
        ("binary_format_major_version", meta.uint(5, 2)),
        ("binary_format_minor_version", meta.uint(5, 0)),
        ("build_epoch", meta.uint(9, epoch)),
        ("database_type", meta.string(DATABASE_TYPE)),
        ("description", meta.control(7, 1) + meta.string("en") + meta.string(DESCRIPTION)),
        ("ip_version", meta.uint(5, 6)),
        ("languages", meta.control(11, 0)),
        ("node_count", meta.uint(6, node_count)),
        ("record_size", meta.uint(5, RECORD_SIZE)),
    ]
    metadata = meta.control(7, len(items)) + b"".join(meta.string(k) + v for k, v in items)
    out = bytes(tree) + bytes(16) + bytes(data.buf) + b"\xab\xcd\xefMaxMind.com" + metadata
    stats = {
        "nodes": node_count,
        "tree_bytes": len(tree),
        "records": len(offsets),
        "data_bytes": len(data.buf),
    }
    return out, stats


# ---------------------------------------------------------------------------------------
# A small independent reader, to check the file against the merged ranges.


def read_value(buf: bytes, base: int, at: int):
    ctrl = buf[at]
    at += 1
    type_ = ctrl >> 5
    if type_ == 1:
        ss = (ctrl >> 3) & 3
        vvv = ctrl & 7
        if ss == 0:
            p = (vvv << 8) | buf[at]
        elif ss == 1:
            p = ((vvv << 16) | int.from_bytes(buf[at : at + 2], "big")) + 2048
        elif ss == 2:
            p = ((vvv << 24) | int.from_bytes(buf[at : at + 3], "big")) + 526336
        else:
            p = int.from_bytes(buf[at : at + 4], "big")
        value, _ = read_value(buf, base, base + p)
        return value, at + ss + 1
    if type_ == 0:
        type_ = 7 + buf[at]
        at += 1
    size = ctrl & 31
    if size >= 29:
        n = size - 28
        size = [29, 285, 65821][n - 1] + int.from_bytes(buf[at : at + n], "big")
        at += n
    if type_ == 2:
        return buf[at : at + size].decode("utf-8"), at + size
    if type_ in (5, 6, 9):
        return int.from_bytes(buf[at : at + size], "big"), at + size
    if type_ == 7:
        out = {}
        for _ in range(size):
            k, at = read_value(buf, base, at)
            out[k], at = read_value(buf, base, at)
        return out, at
    raise ValueError(f"unexpected type {type_}")


def check(mmdb: bytes, segments, stats) -> int:
    node_count = stats["nodes"]
    base = node_count * 6 + 16

    def lookup(ip: int):
        node = 0
        for bit in range(127, -1, -1):
            if node >= node_count:
                break
            i = 6 * node + (3 if (ip >> bit) & 1 else 0)
            node = int.from_bytes(mmdb[i : i + 3], "big")
        if node == node_count:
            return None
        if node < node_count:
            raise ValueError("walked off the tree")
        return read_value(mmdb, base, base + node - node_count - 16)[0]

    def expect(value):
        (asn_org, cc) = value
        rec = {}
        if asn_org:
            rec["asn"] = int(asn_org[0])
            rec["org"] = asn_org[1]
        if cc:
            rec["cc"] = cc[0]
        return rec

    rng = random.Random(1)
    sample = rng.sample(range(len(segments)), min(20000, len(segments)))
    checks = 0
    for n in sample:
        lo, hi, v = segments[n]
        for ip in (lo, hi, rng.randint(lo, hi)):
            got = lookup(ip)
            if got != expect(v):
                sys.exit(f"check failed at {ipaddress.IPv6Address(ip)}: {got} != {expect(v)}")
            checks += 1
        # Just past the segment: the next segment or nothing.
        if hi + 1 < 1 << 128 and (n + 1 == len(segments) or segments[n + 1][0] > hi + 1):
            if lookup(hi + 1) is not None:
                sys.exit(f"check failed at {ipaddress.IPv6Address(hi + 1)}: expected no record")
            checks += 1
    # IPv4-mapped addresses reach the same records as IPv4 ones.
    for n in sample[:1000]:
        lo, hi, v = segments[n]
        if hi < 1 << 32 and lookup(V4_MAPPED | lo) != expect(v):
            sys.exit(f"alias check failed at {ipaddress.IPv4Address(lo)}")
    return checks


# ---------------------------------------------------------------------------------------


def main() -> None:
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs")
    ap.add_argument("--out", default=os.path.join(repo, "data", "ipdb", "hotline-asn-country.mmdb.gz"))
    ap.add_argument("--keep-mmdb")
    args = ap.parse_args()

    t0 = time.time()
    tmp = None
    if args.inputs:
        os.makedirs(args.inputs, exist_ok=True)
        inputs = args.inputs
    else:
        tmp = tempfile.TemporaryDirectory(prefix="hotline-ipdb-")
        inputs = tmp.name
    tarballs = fetch(inputs)

    segments = []
    for fam in ("ipv4", "ipv6"):
        asn_rows = read_csv(tarballs[ASN_PACKAGE], f"asn-{fam}.csv", 2)
        cc_rows = read_csv(tarballs[CC_PACKAGE], f"geo-whois-asn-country-{fam}.csv", 1)
        asn, asn_nested = flatten(asn_rows)
        cc, cc_nested = flatten(cc_rows)
        version = 4 if fam == "ipv4" else 6
        merged, cut = subtract(merge(asn, cc), special_ranges(version))
        print(
            f"{fam}: asn {len(asn_rows)} rows ({asn_nested} overlapping) -> {len(asn)}; "
            f"cc {len(cc_rows)} rows ({cc_nested} overlapping) -> {len(cc)}; "
            f"merged {len(merged)}; data dropped in {', '.join(cidr(lo, hi, version) for lo, hi in cut)}",
            file=sys.stderr,
        )
        if fam == "ipv6":
            for lo, hi, _ in merged:
                if lo < 1 << 32 or (lo <= V4_MAPPED | 0xFFFFFFFF and hi >= V4_MAPPED):
                    sys.exit(f"IPv6 row {ipaddress.IPv6Address(lo)} overlaps the IPv4 space")
        segments += merged

    mmdb, stats = write_mmdb(segments, version_epoch(VERSION))
    checks = check(mmdb, segments, stats)
    print(
        f"mmdb: {len(mmdb)} bytes, {stats['nodes']} nodes ({stats['tree_bytes']} bytes), "
        f"{stats['records']} records ({stats['data_bytes']} bytes); {checks} lookups checked",
        file=sys.stderr,
    )

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(mmdb)
    if args.keep_mmdb:
        with open(args.keep_mmdb, "wb") as f:
            f.write(mmdb)

    for name, path in tarballs.items():
        print(f"input  {sha256_file(path)}  {name}@{VERSION}")
    print(f"mmdb   {hashlib.sha256(mmdb).hexdigest()}  ({len(mmdb)} bytes, uncompressed)")
    print(f"output {sha256_file(args.out)}  {args.out} ({os.path.getsize(args.out)} bytes)")
    print(f"done in {time.time() - t0:.0f} s", file=sys.stderr)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
