"""Samples the CPU and memory of the portal's process, and the machine's CPU, once a second, until the
process ends or the sampler is stopped. Output: CSV lines « seconds,process_cpu_percent,rss_mib,machine_cpu_percent »
where the process percentage is of one core (200 % = both cores of a 2-core machine)."""

import os
import signal
import sys
import time

pid, output = int(sys.argv[1]), sys.argv[2]
ticks = os.sysconf("SC_CLK_TCK")
running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)


def process_ticks():
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def rss_mib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def machine():
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values), idle


with open(output, "w") as out:
    out.write("seconds,process_cpu_percent,rss_mib,machine_cpu_percent\n")
    start = time.monotonic()
    try:
        last_ticks, (last_total, last_idle), last_time = process_ticks(), machine(), time.monotonic()
        while running:
            time.sleep(1)
            now_ticks, (total, idle), now = process_ticks(), machine(), time.monotonic()
            cpu = (now_ticks - last_ticks) / ticks / (now - last_time) * 100
            busy = 100 * (1 - (idle - last_idle) / max(1, total - last_total))
            out.write(f"{now - start:.1f},{cpu:.1f},{rss_mib():.1f},{busy:.1f}\n")
            out.flush()
            last_ticks, last_total, last_idle, last_time = now_ticks, total, idle, now
    except FileNotFoundError:
        pass  # the process has ended
