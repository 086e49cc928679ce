# Regenerates the corpus: run from src/test/resources/bad/ (python3 aux/generate.py); edit cases here.
import os
BASE = {
 'name': 'name: bad', 'duration': 'duration: 50ms', 'warmup': 'warmup: 10ms',
 'hardware': 'hardware: {cpus: 4}',
 'host': 'host:\n  kernel: {preempt: rt}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}',
}
def scen(**over):
    d = dict(BASE); extra = over.pop('extra', None)
    for k, v in over.items():
        if v is None: d.pop(k, None)
        else: d[k] = v
    s = '\n'.join(d.values()) + '\n'
    if extra: s += extra + '\n'
    return s
cases = []
def case(name, text, expect, args=None, ext="yaml", located=None):
    cases.append((name, text, expect, args, ext, located))
def top(key, val, expect, **kw):
    case(f'top-{key}-{kw.pop("tag","")}'.rstrip('-'), scen(**{key: f'{key}: {val}'}), expect, **kw)
# top level
case('top-not-a-mapping', '- a\n- b\n', 'mapping')
case('top-scalar', 'just some text\n', 'mapping')
case('top-unknown-key', scen(extra='durration: 5s'), "did you mean 'duration'")
case('top-missing-name', scen(name=None), 'name')
case('top-duplicate-key', scen(extra='seed: 1\nseed: 2'), 'duplicate key')
case('yaml-syntax-tab', scen(extra='measure:\n\t percentiles: [50]'), 'YAML')
case('yaml-unclosed-flow', scen(extra='measure: {percentiles: [50, 99}'), 'YAML')
case('yaml-deep-nesting', 'name: x\nmeasure: ' + '['*200 + ']'*200 + '\n', 'nested at most')
for v, tag in [('-5s', 'negative'), ('0s', 'zero'), ('5', 'no-unit'), ('5 parsecs', 'bad-unit'), ('[1s]', 'list'),
               ('525600000min', 'beyond-clock'), ('1e30s', 'huge'), ('.nan', 'nan'), ('yes', 'bool')]:
    top('duration', v, 'duration', tag=tag)
for v, tag in [('-1ms', 'negative'), ('1e30s', 'huge'), ('abc', 'word')]:
    top('warmup', v, 'warmup', tag=tag)
for v, tag in [('0', 'zero'), ('-3', 'negative'), ('1e9', 'huge'), ('2.5', 'fraction'), ('many', 'word')]:
    top('replications', v, 'replications', tag=tag)
for v, tag in [('1.5', 'fraction'), ('abc', 'word'), ('99999999999999999999999', 'overflow'), ('[1]', 'list')]:
    top('seed', v, 'seed', tag=tag)
# hardware
def hw(tag, body, expect):
    case(f'hardware-{tag}', scen(hardware='hardware:\n' + body), expect)
for v, tag in [('0', 'zero'), ('-1', 'negative'), ('100000000', 'huge'), ('four', 'word'), ('2.5', 'fraction')]:
    hw(f'cpus-{tag}', f'  cpus: {v}', 'cpus')
for v, tag in [('0GHz', 'zero'), ('-2GHz', 'negative'), ('2.4', 'no-unit'), ('fast', 'word'), ('1e30GHz', 'huge')]:
    hw(f'freq-{tag}', f'  cpus: 4\n  freq: {v}', 'freq')
hw('clocksource-unknown', '  cpus: 4\n  clocksource: tcs', 'clocksource')
hw('smt-word', '  cpus: 4\n  smt: maybe', 'smt')
hw('cstates-unknown-max', '  cpus: 4\n  cstates: {max_cstate: C99}', 'max_cstate')
hw('cstates-negative', '  cpus: 4\n  cstates: {exit_latency: {C1: -2us}}', 'exit_latency')
hw('smi-negative', '  cpus: 4\n  smi: {interval: {fixed: -1s}, duration: {fixed: 10us}}', 'smi')
hw('llc-ways-zero', '  cpus: 4\n  llc: {size: 30MiB, ways: 0}', 'ways')
hw('dram-latency-word', '  cpus: 4\n  dram_latency: slow', 'dram_latency')
hw('unknown-key', '  cpus: 4\n  cpu: 8', 'unknown key')
# kernel
def kern(tag, body, expect):
    case(f'kernel-{tag}', scen(host='host:\n  kernel: ' + body + '\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), expect)
kern('preempt-unknown', '{preempt: realtime}', 'preempt')
kern('preempt-number', '{preempt: 5}', 'preempt')
kern('hz-zero', '{preempt: rt, hz: 0}', 'hz')
kern('hz-negative', '{preempt: rt, hz: -100}', 'hz')
kern('hz-huge', '{preempt: rt, hz: 1000000000}', 'hz')
kern('hz-word', '{preempt: rt, hz: fast}', 'hz')
kern('isolcpus-outside', '{preempt: rt, isolcpus: "2-99"}', 'isolcpus')
kern('isolcpus-garbage', '{preempt: rt, isolcpus: "a-b"}', 'isolcpus')
kern('isolcpus-reversed', '{preempt: rt, isolcpus: "3-1"}', 'isolcpus')
kern('rt-throttling-bigger-runtime', '{preempt: rt, rt_throttling: {runtime: 2s, period: 1s}}', 'runtime')
kern('rt-throttling-word', '{preempt: rt, rt_throttling: sometimes}', 'rt_throttling')
kern('overheads-unknown', '{preempt: rt, overheads: some}', 'overheads')
kern('cost-negative-fixed', '{preempt: rt, costs: {tick: {fixed: -1us}}}', 'tick')
kern('cost-unknown-dist', '{preempt: rt, costs: {tick: {gaussian: {mean: 1us}}}}', 'tick')
kern('cost-lognormal-sigma-negative', '{preempt: rt, costs: {tick: {lognormal: {median: 1us, sigma: -1}}}}', 'sigma')
kern('cost-uniform-reversed', '{preempt: rt, costs: {tick: {uniform: [5us, 1us]}}}', 'uniform')
kern('cost-exponential-zero', '{preempt: rt, costs: {tick: {exponential: {mean: 0us}}}}', 'mean')
kern('rr-timeslice-zero', '{preempt: rt, rr_timeslice: 0ms}', 'rr_timeslice')
kern('irq-thread-priority-range', '{preempt: rt, irq_thread_priority: 100}', 'irq_thread_priority')
kern('timer-slack-negative', '{preempt: rt, timer_slack: -5us}', 'timer_slack')
kern('housekeeping-rate-negative', '{preempt: rt, housekeeping: {kworker: {rate: -10hz}}}', 'rate')
kern('housekeeping-rate-huge', '{preempt: rt, housekeeping: {kworker: {rate: 1e12hz}}}', 'rate')
kern('unknown-key', '{preempt: rt, hertz: 100}', 'unknown key')
# workloads
def wl(tag, item, expect, **kw):
    more = '' if item.startswith('cyclictest') else '\n    - cyclictest: {threads: 1, priority: 99}'
    case(f'workload-{tag}', scen(host='host:\n  kernel: {preempt: rt}\n  workload:\n    - ' + item + more), expect, **kw)
wl('cyclictest-priority-range', 'cyclictest: {threads: 1, priority: 100}', 'priority')
wl('cyclictest-priority-negative', 'cyclictest: {threads: 1, priority: -1}', 'priority')
wl('cyclictest-threads-zero', 'cyclictest: {threads: 0, priority: 99}', 'threads')
wl('cyclictest-threads-huge', 'cyclictest: {threads: 100000000, priority: 99}', 'threads')
wl('cyclictest-interval-zero', 'cyclictest: {threads: 1, priority: 99, interval: 0us}', 'interval')
wl('cyclictest-interval-negative', 'cyclictest: {threads: 1, priority: 99, interval: -1ms}', 'interval')
wl('cyclictest-interval-tiny', 'cyclictest: {threads: 1, priority: 99, interval: 1ns}', 'interval')
wl('cyclictest-policy-unknown', 'cyclictest: {threads: 1, priority: 99, policy: deadline}', 'policy')
wl('cyclictest-policy-other-prio', 'cyclictest: {threads: 1, priority: 99, policy: other}', 'policy')
wl('cyclictest-fault-prob', 'cyclictest: {threads: 1, priority: 99, minor_fault_probability: 1.5}', 'minor_fault_probability')
wl('cyclictest-mlock-word', 'cyclictest: {threads: 1, priority: 99, mlock: sure}', 'mlock')
wl('cyclictest-cpus-outside', 'cyclictest: {threads: 1, priority: 99, cpus: "7"}', 'cpus')
wl('cyclictest-unknown-key', 'cyclictest: {threads: 1, prio: 99}', "unknown key 'prio'")
wl('unknown-kind', 'cyclic: {threads: 1}', 'unknown')
wl('item-scalar', 'cyclictest', 'workload')
wl('device-irq-ghz', 'device_irq: {rate: 1GHz}', 'rate')
wl('device-irq-both', 'device_irq: {rate: 1khz, interval: 1ms}', 'device_irq')
wl('device-irq-neither', 'device_irq: {name: eth0}', 'device_irq')
wl('device-irq-rate-negative', 'device_irq: {rate: -5hz}', 'rate')
wl('device-irq-rate-word', 'device_irq: {rate: often}', 'rate')
wl('device-irq-interval-tiny', 'device_irq: {interval: 1ns}', 'interval')
wl('kernel-activity-tasks-huge', 'kernel_activity: {cpus: "1", tasks: 100000000}', 'tasks')
wl('kernel-activity-tasks-negative', 'kernel_activity: {cpus: "1", tasks: -2}', 'tasks')
wl('kernel-activity-profile-unknown', 'kernel_activity: {cpus: "1", profile: gaming}', 'profile')
wl('kernel-activity-locks-range', 'kernel_activity: {cpus: "1", locks: 2000000}', 'locks')
wl('kernel-activity-sleep-prob', 'kernel_activity: {cpus: "1", sleep_probability: 2}', 'sleep_probability')
wl('periodic-no-tasks', 'periodic: {}', 'tasks')
wl('periodic-period-zero', 'periodic: {tasks: [{name: a, cpu: 0, priority: 10, period: 0ms, wcet: 1ms}]}', 'period')
wl('periodic-wcet-negative', 'periodic: {tasks: [{name: a, cpu: 0, priority: 10, period: 10ms, wcet: -1ms}]}', 'wcet')
wl('periodic-cpu-outside', 'periodic: {tasks: [{name: a, cpu: 9, priority: 10, period: 10ms, wcet: 1ms}]}', 'cpu')
wl('cache-hog-no-bandwidth', 'cache_hog: {footprint: 10MiB, cpus: "1"}', 'bandwidth')
wl('cache-hog-unknown-class', 'cache_hog: {bandwidth: 1GB/s, footprint: 10MiB, cpus: "1", cat_class: nope}', 'cat_class', located='host.workload.cache_hog[0]')
wl('emulated-io-on-host', 'emulated_io: {rate: 1khz, service: {fixed: 1us}}', 'emulated_io', located='host.workload.emulated_io[0]')
# measure / slo
def meas(tag, body, expect):
    case(f'measure-{tag}', scen(extra='measure:\n' + body), expect)
meas('buckets-huge', '  histogram: {bucket: 1us, buckets: 100000000}', 'buckets')
meas('buckets-zero', '  histogram: {bucket: 1us, buckets: 0}', 'buckets')
meas('buckets-negative', '  histogram: {bucket: 1us, buckets: -5}', 'buckets')
meas('bucket-zero', '  histogram: {bucket: 0us, buckets: 10}', 'bucket')
meas('percentile-zero', '  percentiles: [0]', 'percentiles')
meas('percentile-over', '  percentiles: [50, 101]', 'percentiles')
meas('percentile-word', '  percentiles: [median]', 'percentiles')
meas('percentiles-scalar', '  percentiles: 99', 'percentiles')
meas('attribution-word', '  attribution: often', 'attribution')
meas('trace-no-window', '  trace: {around: max}', 'window')
case('slo-percentile-over', scen(extra='slo: {percentile: 120, below: 50us}'), 'percentile')
case('slo-below-word', scen(extra='slo: {percentile: 99, below: soon}'), 'below')
# extends
case('extends-directory', scen(extra='extends: .'), 'extends')
case('extends-dev-zero', scen(extra='extends: /dev/zero'), 'extends')
case('extends-missing', scen(extra='extends: no-such-file.yaml'), 'extends')
case('extends-text-file', scen(extra='extends: aux/plain.txt'), 'extends')
case('extends-list-file', scen(extra='extends: aux/list.yaml'), 'extends')
case('extends-binary-file', scen(extra='extends: aux/binary.bin'), 'not UTF-8', located='binary.bin')
case('extends-number', scen(extra='extends: 5'), 'extends')
case('extends-self', scen(extra='extends: extends-self.yaml'), 'cycle')
# events, vms
case('events-rate-negative', scen(extra='events:\n  - tlb_shootdown: {}\n    rate: -1hz'), 'rate')
case('events-cpu-outside', scen(extra='events:\n  - cpu_hotplug: {cpu: 99, stop_machine: {fixed: 10us}}\n    at: 10ms'), 'cpu')
case('vms-vcpus-zero', scen(extra='vms:\n  - {name: g, vcpus: 0, pin: "1"}'), 'vcpus')
case('vms-vcpus-huge', scen(extra='vms:\n  - {name: g, vcpus: 100000000, pin: "1"}'), 'vcpus')
case('vms-count-huge', scen(extra='vms:\n  - {name: g, vcpus: 1, pin: "1", count: 100000000}'), 'count')
case('vms-no-name', scen(extra='vms:\n  - {vcpus: 1, pin: "1"}'), 'name')
case('vms-idle-unknown', scen(extra='vms:\n  - {name: g, vcpus: 1, pin: "1", idle: sleep}'), 'idle')
# empirical csv
case('empirical-missing', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: aux/none.csv}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'empirical')
case('empirical-directory', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: aux}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'directory')
case('empirical-dev-zero', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: /dev/zero}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'regular file')
case('empirical-system-file', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: /etc/passwd}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'not a number', located='/etc/passwd:')
case('empirical-binary', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: aux/binary.bin}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'not UTF-8')
case('empirical-bad-row', scen(host='host:\n  kernel: {preempt: rt, costs: {tick: {empirical: aux/bad-row.csv}}}\n  workload:\n    - cyclictest: {threads: 1, priority: 99}'), 'bad-row.csv:3', located='bad-row.csv:3')
# command line
case('cli-set-huge-index', scen(), 'workload', located='--set', args="validate {file} --set host.workload[99999999999].cyclictest.priority=5")
case('cli-set-unknown', scen(), 'unknown key', args="validate {file} --set host.kernel.preemt=rt", located='--set host.kernel.preemt')
case('cli-duration-beyond-clock', scen(), 'duration', args="run {file} --duration 525600000min", located='--duration')
case('cli-replications-huge', scen(), 'replications', args="run {file} --replications 1000000000", located='--replications')
case('cli-out-empty', scen(), '--out', args="run {file} --out=", located='--out')
case('cli-tail-missing', scen(), 'no-such', args="tail --measured {dir}/aux/no-such.txt", located='no-such.txt')
case('cli-tail-directory', scen(), 'directory', args="tail --measured {dir}/aux", located='aux')
case('cli-tail-binary', scen(), 'not UTF-8', args="tail --measured {dir}/aux/binary.bin", located='binary.bin')
case('cli-tail-dev-zero', scen(), 'regular file', args="tail --measured /dev/zero", located='/dev/zero')
case('cli-measured-dev-zero', scen(), 'regular file', args="compare {file} --measured /dev/zero", located='/dev/zero')
case('cli-scenario-dev-zero', scen(), 'regular file', args="validate /dev/zero", located='/dev/zero')
case('cli-scenario-directory', scen(), 'directory', args="validate {dir}/aux", located='aux')
case('cli-scenario-utf16', scen(), 'not UTF-8', args="validate {dir}/aux/utf16.yaml", located='utf16.yaml')
case('measured-negative-count', scen(), 'measured-negative.json', args="tail --measured {dir}/aux/measured-negative.json", located='measured-negative.json')
case('measured-huge-bucket', scen(), 'huge-bucket', args="tail --measured {dir}/aux/huge-bucket.txt", located='huge-bucket.txt')
case('measured-huge-bucket-json', scen(), 'huge-bucket', args="tail --measured {dir}/aux/huge-bucket.json", located='huge-bucket.json')
case('taskset-syntax', scen(), 'taskset-syntax.json:', args="validate {dir}/aux/taskset-syntax.json", located='taskset-syntax.json:')
case('taskset-huge-duration', scen(), 'duration', args="validate {dir}/aux/taskset-huge.json", located='taskset-huge.json')

wl('periodic-lock-twice', 'periodic:\n        tasks:\n          - {name: a, cpu: 0, priority: 10, period: 10ms, wcet: {fixed: 5ms}, locks: [{lock: L1, offset: 0ns, length: 3ms}, {lock: L1, offset: 1ms, length: 1ms}]}', 'L1')
case('cli-tail-no-samples', scen(), 'samples', args="tail --measured {dir}/aux/empty-hist.txt", located='empty-hist.txt')

for name, text, expect, args, ext, located in cases:
    hdr = f'# expect: {expect}\n'
    if args:
        hdr += f'# args: {args}\n'
    if located:
        hdr += f'# located: {located}\n'
    with open(f'{name}.{ext}', 'w') as f:
        f.write(hdr + text)
print(len(cases))
