"""Samples the CPU and memory of the portal's process, and the machine's CPU, once a second, until the
process ends or the sampler is stopped. Output: CSV lines « seconds,process_cpu_percent,rss_mib,machine_cpu_percent »
where the process percentage is of one core (200 % = both cores of a 2-core machine).

Usage: sampler.py PID OUTPUT_CSV [--tree]
  --tree: the process and its children together (a PostgreSQL server: the postmaster and one process per
          connection); a child that ended between two samples is left out of that second."""

import os
import signal
import sys
import time

pid, output = int(sys.argv[1]), sys.argv[2]
tree = "--tree" in sys.argv[3:]
ticks = os.sysconf("SC_CLK_TCK")
running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)


def stat_fields(process):
    with open(f"/proc/{process}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def children():
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if int(stat_fields(name)[1]) == pid:
                    found.append(int(name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return found


def processes():
    return [pid] + (children() if tree else [])


def sample():
    """utime + stime by process id, and the resident memory in MiB, of the process (and its children with --tree):
    one walk of /proc per second."""
    ticks_by_process, rss = {}, 0.0
    for process in processes():
        try:
            fields = stat_fields(process)
            ticks_by_process[process] = int(fields[11]) + int(fields[12])
            with open(f"/proc/{process}/status") as status:
                rss += next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:")), 0.0)
        except FileNotFoundError:
            if process == pid:
                raise
    return ticks_by_process, rss


def machine():
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values), idle


with open(output, "w") as out:
    out.write("seconds,process_cpu_percent,rss_mib,machine_cpu_percent\n")
    start = time.monotonic()
    try:
        (last_ticks, _), (last_total, last_idle), last_time = sample(), machine(), time.monotonic()
        while running:
            time.sleep(1)
            (now_ticks, rss), (total, idle), now = sample(), machine(), time.monotonic()
            spent = sum(t - last_ticks.get(p, 0) for p, t in now_ticks.items())
            cpu = spent / ticks / (now - last_time) * 100
            busy = 100 * (1 - (idle - last_idle) / max(1, total - last_total))
            out.write(f"{now - start:.1f},{cpu:.1f},{rss:.1f},{busy:.1f}\n")
            out.flush()
            last_ticks, last_total, last_idle, last_time = now_ticks, total, idle, now
    except FileNotFoundError:
        pass  # the process has ended
