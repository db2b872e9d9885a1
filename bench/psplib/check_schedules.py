#!/usr/bin/env python3
"""Independent checker for schedules written by `tl bench psplib --emit DIR`.

Shares no code with Throughline: it reads the PSPLIB .sm files itself and checks, for every DIR/<instance>.csv
(`job,start`, PSPLIB job numbers 1..n, integer starts):

  * every job of the instance has exactly one integer start >= 0;
  * every precedence (finish-to-start, zero lag): start[succ] >= start[pred] + duration[pred];
  * every renewable resource, in every period t: the sum of demands of jobs running in [start, start + duration)
    is at most the capacity.

With --results results.csv (from `tl bench psplib --out`) it also checks that each reported makespan is the
makespan of the emitted schedule. Exits 1 if anything fails. Python 3 standard library only.

    python3 bench/psplib/check_schedules.py --emit out/j30 --instances ../shared/data/psplib/j30 [--results r.csv]
"""

import argparse
import csv
import os
import sys


def read_sm(path):
    """Returns (durations, successors, demands, capacities), 1-based job numbers as dict keys."""
    with open(path, encoding="latin-1") as f:
        lines = [line.rstrip("\n") for line in f]

    def section(header):
        for i, line in enumerate(lines):
            if line.strip().startswith(header):
                return i
        raise ValueError(f"{path}: no section {header!r}")

    jobs = None
    renewable = None
    for line in lines:
        if line.startswith("jobs (incl. supersource/sink"):
            jobs = int(line.split(":")[1].split()[0])
        elif line.strip().startswith("- renewable"):
            renewable = int(line.split(":")[1].split()[0])
    if jobs is None or renewable is None:
        raise ValueError(f"{path}: no job or resource count")

    successors = {}
    at = section("PRECEDENCE RELATIONS:") + 2
    for line in lines[at:at + jobs]:
        fields = [int(x) for x in line.split()]
        job, count = fields[0], fields[2]
        successors[job] = fields[3:3 + count]

    durations, demands = {}, {}
    at = section("REQUESTS/DURATIONS:") + 3
    for line in lines[at:at + jobs]:
        fields = [int(x) for x in line.split()]
        durations[fields[0]] = fields[2]
        demands[fields[0]] = fields[3:3 + renewable]

    at = section("RESOURCEAVAILABILITIES:") + 2
    capacities = [int(x) for x in lines[at].split()]
    if len(successors) != jobs or len(durations) != jobs or len(capacities) != renewable:
        raise ValueError(f"{path}: counts do not match the header")
    return durations, successors, demands, capacities


def read_schedule(path):
    starts = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        if next(reader, None) != ["job", "start"]:
            raise ValueError(f"{path}: header must be 'job,start'")
        for row in reader:
            if not row:
                continue
            job, start = int(row[0]), int(row[1])  # int() refuses "3.5": starts must be integers
            if job in starts:
                raise ValueError(f"{path}: job {job} listed twice")
            starts[job] = start
    return starts


def check(instance_path, schedule_path):
    """Returns (makespan, [violations])."""
    durations, successors, demands, capacities = read_sm(instance_path)
    starts = read_schedule(schedule_path)
    problems = []
    jobs = set(durations)
    if set(starts) != jobs:
        missing = sorted(jobs - set(starts))
        extra = sorted(set(starts) - jobs)
        problems.append(f"jobs missing {missing[:10]} / unknown {extra[:10]}")
        return None, problems
    for job, start in starts.items():
        if start < 0:
            problems.append(f"job {job} starts at {start} < 0")
    for job, succs in successors.items():
        for s in succs:
            if starts[s] < starts[job] + durations[job]:
                problems.append(f"job {s} starts at {starts[s]} before job {job} finishes at {starts[job] + durations[job]}")
    makespan = max(starts[j] + durations[j] for j in jobs)
    for r, capacity in enumerate(capacities):
        use = [0] * (makespan + 1)
        for j in jobs:
            d = demands[j][r]
            if d:
                for t in range(starts[j], starts[j] + durations[j]):
                    use[t] += d
        for t, u in enumerate(use):
            if u > capacity:
                problems.append(f"resource {r + 1} uses {u} > {capacity} in period {t}")
    return makespan, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--emit", required=True, help="folder written by tl bench psplib --emit")
    parser.add_argument("--instances", required=True, help="folder of the PSPLIB .sm files")
    parser.add_argument("--results", help="CSV written by tl bench psplib --out: makespans are checked too")
    args = parser.parse_args()

    schedules = sorted(f for f in os.listdir(args.emit) if f.endswith(".csv"))
    reported = {}
    if args.results:
        with open(args.results, newline="") as f:
            for row in csv.DictReader(f):
                reported[row["instance"]] = int(row["makespan"])

    feasible, infeasible, makespan_sum = 0, 0, 0
    for name in schedules:
        instance = name[:-4]
        sm = os.path.join(args.instances, instance + ".sm")
        try:
            makespan, problems = check(sm, os.path.join(args.emit, name))
        except (OSError, ValueError) as e:
            makespan, problems = None, [str(e)]
        if makespan is not None and instance in reported and reported[instance] != makespan:
            problems.append(f"results.csv reports makespan {reported[instance]}, the schedule ends at {makespan}")
        if problems:
            infeasible += 1
            print(f"INFEASIBLE {instance}: {len(problems)} problem(s)")
            for p in problems[:5]:
                print(f"  {p}")
        else:
            feasible += 1
            makespan_sum += makespan
    not_emitted = sorted(set(reported) - {s[:-4] for s in schedules})
    for instance in not_emitted:
        print(f"MISSING {instance}: in results but no schedule was emitted")

    print(f"checked {len(schedules)} schedules in {args.emit}: {feasible} feasible, {infeasible} infeasible"
          f"{f', {len(not_emitted)} missing' if not_emitted else ''}; sum of feasible makespans {makespan_sum}")
    return 1 if infeasible or not_emitted or not schedules else 0


if __name__ == "__main__":
    sys.exit(main())
