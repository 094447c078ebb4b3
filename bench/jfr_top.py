#!/usr/bin/env python3
"""Summarises a JFR recording: the hottest methods (top frame and, inclusive, any frame of the
application or its libraries), and the allocation sites weighted by bytes. Uses `jfr print --json`."""
import collections, json, subprocess, sys

def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "40", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]

def frame(f):
    # JFR names types in internal form (org/slbdoctor/Foo); print them as Java does
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

def top(counter, total, title, n=25):
    print(f"\n{title} ({total} samples)")
    for k, v in counter.most_common(n):
        print(f"{100.0 * v / max(total, 1):6.1f}%  {k}")

path = sys.argv[1]
samples = events(path, "jdk.ExecutionSample")
self_c, incl = collections.Counter(), collections.Counter()
for e in samples:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    self_c[frame(frames[0])] += 1
    for k in {frame(f) for f in frames}:
        incl[k] += 1
top(self_c, len(samples), "CPU, top frame")
app = collections.Counter({k: v for k, v in incl.items() if k.startswith("org.slbdoctor.")})
top(app, len(samples), "CPU, inclusive, application methods")
alloc = collections.Counter()
total = 0
for e in events(path, "jdk.ObjectAllocationSample"):
    w = e["values"]["weight"]
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    # the allocating frame, and the first caller outside the JDK (who asked for the bytes)
    names = [frame(f) for f in frames]
    caller = next((n for n in names if not n.startswith(("java.", "jdk.", "sun."))), "?")
    site = (names[0] + " <- " + caller) if names else "?"
    alloc[site] += w
    total += w
print(f"\nallocation, by site (allocating frame <- first non-JDK caller), {total / 1e9:.2f} GB sampled weight")
for k, v in alloc.most_common(20):
    print(f"{100.0 * v / max(total, 1):6.1f}%  {k}")
