#!/usr/bin/env python3
"""Where a JFR recording's samples go: bench/jfr-top.py FILE.jfr [N] [native]

Prints the top N (default 15) of: the sampled top frames (hot methods), the first cartpath frame of each sample (which
of cartpath's code the time is spent under), and the threads sampled. Reads `jfr print --events jdk.ExecutionSample
--stack-depth 64` (the JDK's own jfr tool; JDK 17 has no `jfr view hot-methods`). With "native", reads
jdk.NativeMethodSample instead: threads waiting in native code, e.g. a JDBC socket read waiting for PostgreSQL."""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
event = "jdk.NativeMethodSample" if len(sys.argv) > 3 and sys.argv[3] == "native" else "jdk.ExecutionSample"
text = subprocess.run(["jfr", "print", "--events", event, "--stack-depth", "64", path],
                      capture_output=True, text=True, check=True).stdout
top, ours, threads, under = (collections.Counter() for _ in range(4))
samples = 0
for block in text.split(event + " {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', block)
    frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in
              block.split("stackTrace = [", 1)[-1].split("]\n", 1)[0].strip().splitlines()]
    frames = [f for f in frames if f and f != "..."]
    if not frames:
        continue
    samples += 1
    name = re.sub(r"-\d+$", "-N", thread.group(1)) if thread else "?"
    threads[name] += 1
    top[frames[0]] += 1
    mine = next((f for f in frames if f.startswith("org.cartpath.")), None)
    ours[mine or "(no cartpath frame in the first 64)"] += 1
    for f in frames:
        for lib in ("org.postgresql", "com.zaxxer.hikari", "ca.uhn.fhir", "ca.uhn.hl7v2", "org.thymeleaf",
                    "com.fasterxml.jackson", "org.springframework.security", "org.apache.tomcat", "org.hibernate",
                    "org.springframework.jdbc", "io.micrometer", "java.util.regex", "org.hl7.fhir"):
            if f.startswith(lib):
                under[lib] += 1
                break
        else:
            continue
        break

def show(title, counter):
    print(f"\n{title} ({samples} samples)")
    for frame, count in counter.most_common(n):
        print(f"  {100 * count / samples:5.1f} %  {frame}")

show("Threads", threads)
show("Hot methods (top frame)", top)
show("First cartpath frame", ours)
show("Samples with a frame of (first library from the top)", under)
