#!/usr/bin/env python3
"""`newsloom ner --conll`: lines come back with a tag appended, blank and
-DOCSTART- lines kept; bad input gives one clear line and exit code 1; on
eng.testa (when the shared data is there) the shared scorer agrees with the
quality gate's floor."""
import argparse
import os
import subprocess
import sys
import tempfile

MINIMUM_F1 = 0.915


def run(newsloom, path):
    return subprocess.run([newsloom, "ner", "--conll", path], capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--tools", required=True)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        sample = os.path.join(directory, "sample.conll")
        with open(sample, "w") as out:
            out.write("-DOCSTART- -X- O O\n\nJapan NNP I-NP I-LOC\nwins VBZ I-VP O\n\n"
                      "Shigeru NNP I-NP I-PER\nIshiba NNP I-NP I-PER\nspoke VBD I-VP O\n")
        result = run(args.newsloom, sample)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.split("\n")
        assert lines[0] == "-DOCSTART- -X- O O" and lines[1] == "" and lines[4] == "", lines
        assert lines[2] == "Japan NNP I-NP I-LOC B-LOC", lines
        assert lines[5].startswith("Shigeru NNP I-NP I-PER ") and lines[5].endswith("-PER"), lines

        binary = os.path.join(directory, "binary.conll")
        with open(binary, "wb") as out:
            out.write(b"\x00\xff\xfe junk")
        result = run(args.newsloom, binary)
        assert result.returncode == 1 and result.stdout == "", result
        assert result.stderr.count("\n") == 1 and "newsloom ner:" in result.stderr, result.stderr

        testa = os.path.join(args.data, "ner", "eng.testa")
        scorer = os.path.join(args.tools, "score_ner.py")
        if not (os.path.exists(testa) and os.path.exists(scorer)):
            print("skipping the eng.testa check: no shared data")
            return 0
        tagged = os.path.join(directory, "testa.out")
        result = run(args.newsloom, testa)
        assert result.returncode == 0, result.stderr
        with open(tagged, "w") as out:
            out.write(result.stdout)
        score = subprocess.run([sys.executable, scorer, tagged], capture_output=True, text=True,
                               check=True).stdout.strip().split("\n")[-1]
        print(score)
        f1 = float(score.split("F1=")[1].split()[0])
        assert f1 >= MINIMUM_F1, score
    return 0


if __name__ == "__main__":
    sys.exit(main())
