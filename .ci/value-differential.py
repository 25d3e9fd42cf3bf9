#!/usr/bin/env python3
"""On demand (not part of the test command): the value-invalid differential of issue 15.

Picks guests libvirt wrote in its qemuxmlconf tests (CORPUS/tests/qemuxmlconfdata/*.x86_64-latest.xml)
that the local libvirt's in-process test driver (virsh -c test:///default) defines, mutates attribute
values that lint's table of allowed values judges (an integer one past either end of its range, an
enumerated value with an 'x' appended), asks the test driver to define every mutant, lints all of
them in one run, and counts: both reject, lint errs where libvirt accepts, lint misses, both accept.

  .ci/value-differential.py CORPUS [BASES=400] [MUTANTS_PER_BASE=14]

Lint runs as $VIRTXML_LINT (default: java -jar target/virtxml.jar lint). The test driver never
touches the system daemon (libvirt 9.0's daemon crashes on one corpus file).
"""
import glob, json, os, random, re, shlex, subprocess, sys, tempfile, collections
import xml.etree.ElementTree as ET

corpus = sys.argv[1]
n_bases = int(sys.argv[2]) if len(sys.argv) > 2 else 400
per_base = int(sys.argv[3]) if len(sys.argv) > 3 else 14
lint_cmd = shlex.split(os.environ.get('VIRTXML_LINT', 'java -jar target/virtxml.jar lint'))
random.seed(15)
table = {}
for line in open('src/main/resources/org/virtxml/lint/value-vocabulary.tsv'):
    if not line.startswith('#'):
        f = line.rstrip('\n').split('\t')
        table[(f[0], f[1])] = f[2:]

def define(path):
    r = subprocess.run(['virsh', '-c', 'test:///default', 'define', path], capture_output=True, text=True)
    return r.returncode == 0

files = sorted(glob.glob(os.path.join(corpus, 'libvirt-11.3.0/tests/qemuxmlconfdata/*.x86_64-latest.xml')))
random.shuffle(files)
bases = []
for f in files:
    if len(bases) >= n_bases:
        break
    if define(f):
        bases.append(f)
out = tempfile.mkdtemp(prefix='value-differential-')
mutants = []
for b in bases:
    tree = ET.parse(b)
    cands = []
    def walk(e, path):
        for a in e.attrib:
            if (path, '@' + a) in table:
                cands.append((e, a, table[(path, '@' + a)]))
        for c in e:
            if isinstance(c.tag, str) and not c.tag.startswith('{'):
                walk(c, path + '/' + c.tag)
    root = tree.getroot()
    walk(root, '/' + root.tag)
    random.shuffle(cands)
    for e, a, alts in cands[:per_base]:
        old = e.attrib[a]
        ints = [x for x in alts if x.startswith('i')]
        news = []
        if ints:
            lo, hi = ints[0][1:].split('~')[0].split('..')
            news += ([str(int(hi) + 1)] if hi else []) + ([str(int(lo) - 1)] if lo else [])
        elif any(x.startswith('=') for x in alts):
            news.append(old + 'x')
        for nv in news:
            e.attrib[a] = nv
            p = os.path.join(out, 'm%05d.xml' % len(mutants))
            tree.write(p)
            mutants.append((p, a, nv, define(p)))
        e.attrib[a] = old
lint = json.loads(subprocess.run(lint_cmd + ['--format', 'json', out], capture_output=True, text=True).stdout)
byfile = {f['path']: f['diagnostics'] for f in lint['files']}
counts = collections.Counter()
fps = collections.Counter()
for p, a, nv, libvirt_ok in mutants:
    hits = [d for d in byfile.get(p, []) if d['severity'] == 'error' and (d.get('xpath') or '').endswith('/@' + a)]
    key = ('lint errs, libvirt accepts' if hits else 'both accept') if libvirt_ok else (
        'both reject' if hits else 'lint misses')
    counts[key] += 1
    if libvirt_ok and hits:
        for d in hits:
            fps[(re.sub(r'\[\d+\]', '', d['xpath']), d['rule'])] += 1
print('%d guests, %d mutants: %s' % (len(bases), len(mutants), dict(counts)))
both, fp, fn = counts['both reject'], counts['lint errs, libvirt accepts'], counts['lint misses']
print('precision %.2f%%, recall %.2f%%' % (100.0 * both / max(1, both + fp), 100.0 * both / max(1, both + fn)))
for k, v in sorted(fps.items()):
    print('lint errs, libvirt accepts: %d x %s [%s]' % (v, k[0], k[1]))
