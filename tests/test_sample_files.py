"""The bundled samples are what their builder writes from the seed data, and hold the seeds' figures."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_samples  # noqa: E402


def test_samples_match_their_data_and_the_seeds(capsys):
    assert build_samples.main(["--check"]) == 0
    assert "all samples match the seeds" in capsys.readouterr().out
