"""The dues schedule files: content, sources, adding a year without code changes, and edits
read by a running process."""

import os
import shutil

import pytest
import yaml

import membership
from membership import ScheduleError, ScheduleNotFound, all_published_amounts, available_years, load_schedule
from membership.schedule import REQUIRED_FIGURES, SCHEDULE_DIR

EXPECTED = {
    "member_in_training": 0,
    "first_year_of_practice": 77,
    "second_year_of_practice": None,
    "third_year_of_practice": None,
    "fourth_year_of_practice": None,
    "general_physician": 965,
    "general_medical_physicist": None,
    "associate": None,
    "allied_health": None,
    "international": 391,
    "international_member_in_training": 138,
    "retired": 0,
    "canadian_member": None,
}


def test_years_available():
    assert available_years() == [2025, 2026]


@pytest.mark.parametrize("year", [2025, 2026])
def test_figures(year):
    schedule = load_schedule(year)
    assert schedule.year == year
    assert {name: figure.amount for name, figure in schedule.figures.items()} == EXPECTED
    assert schedule.rules.service_discount.percent == 50


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_figure_is_sourced_and_only_965_is_derived(year):
    schedule = load_schedule(year)
    for figure in schedule.figures.values():
        assert figure.source.title and figure.source.url.startswith("https://www.acr.org") and figure.source.date
    derived = {name for name, figure in schedule.figures.items() if figure.derived_from}
    assert derived == {"general_physician"}
    assert "875" in schedule.figure("general_physician").derived_from


def test_all_published_amounts():
    assert all_published_amounts() == {0, 77, 138, 391, 965}


def test_lookup_by_name():
    assert load_schedule(2025).figure("international").amount == 391
    with pytest.raises(KeyError, match="no figure named 'platinum'"):
        load_schedule(2025).figure("platinum")


def test_missing_year():
    with pytest.raises(ScheduleNotFound, match="2027"):
        load_schedule(2027)


def test_each_file_starts_with_staff_instructions():
    for path in sorted(SCHEDULE_DIR.glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith("# ACR national dues for ")
        assert "How to edit" in path.read_text(encoding="utf-8")


def _write_year(directory, year, change):
    data = yaml.safe_load((SCHEDULE_DIR / "2026.yml").read_text(encoding="utf-8"))
    data["year"] = year
    change(data)
    (directory / f"{year}.yml").write_text(yaml.safe_dump(data), encoding="utf-8")


def test_next_year_is_a_new_file_not_a_code_change(tmp_path, monkeypatch):
    for existing in SCHEDULE_DIR.glob("*.yml"):
        shutil.copy(existing, tmp_path)
    _write_year(tmp_path, 2027, lambda data: data["figures"]["general_physician"].update(amount=1000))
    monkeypatch.setattr(membership.schedule, "SCHEDULE_DIR", tmp_path)
    assert available_years() == [2025, 2026, 2027]
    answer = membership.quote(
        {"profession": "physician", "stage": "in_practice", "certifications": ["ABR"], "country": "US", "dues_year": 2027, "as_of": "2026-11-01"}
    )
    assert (answer["national_dues_usd"], answer["dues_note"]) == (1000, None)
    assert 1000 in all_published_amounts()


def _set_general_dues(amount):
    return lambda data: data["figures"]["general_physician"].update(amount=amount)


def test_an_edited_schedule_is_read_on_the_next_load(tmp_path):
    _write_year(tmp_path, 2026, _set_general_dues(965))
    assert load_schedule(2026, tmp_path).figure("general_physician").amount == 965
    _write_year(tmp_path, 2026, _set_general_dues(1000))
    assert load_schedule(2026, tmp_path).figure("general_physician").amount == 1000


def test_an_edit_of_the_same_size_is_read_by_its_modification_time(tmp_path):
    _write_year(tmp_path, 2026, _set_general_dues(965))
    assert load_schedule(2026, tmp_path).figure("general_physician").amount == 965
    path = tmp_path / "2026.yml"
    size, modified = path.stat().st_size, path.stat().st_mtime_ns
    _write_year(tmp_path, 2026, _set_general_dues(966))
    # The file system's clock can be coarser than two writes in a row; an edit by hand is later.
    os.utime(path, ns=(modified + 10**9, modified + 10**9))
    assert path.stat().st_size == size
    assert load_schedule(2026, tmp_path).figure("general_physician").amount == 966


def test_a_new_year_is_found_once_its_file_appears(tmp_path):
    with pytest.raises(ScheduleNotFound):
        load_schedule(2027, tmp_path)
    _write_year(tmp_path, 2027, _set_general_dues(1000))
    assert load_schedule(2027, tmp_path).figure("general_physician").amount == 1000


def test_an_unchanged_file_is_parsed_once(tmp_path):
    _write_year(tmp_path, 2026, _set_general_dues(965))
    assert load_schedule(2026, tmp_path) is load_schedule(2026, tmp_path)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda data: data["figures"].pop("associate"), "figures missing"),
        (lambda data: data["figures"]["international"].update(amount=-1), "cannot be negative"),
        (lambda data: data["figures"]["international"].update(amount="391"), "amount"),
        (lambda data: data["figures"]["international"].pop("source"), "source"),
        (lambda data: data["figures"]["international"].update(bonus=1), "extra fields not permitted"),
        (lambda data: data.update(currency="EUR"), "USD"),
    ],
)
def test_broken_files_are_refused_clearly(tmp_path, change, message):
    _write_year(tmp_path, 2031, change)
    with pytest.raises(ScheduleError, match=message):
        load_schedule(2031, tmp_path)


def test_file_year_must_match_name(tmp_path):
    _write_year(tmp_path, 2032, lambda data: data.update(year=2033))
    with pytest.raises(ScheduleError, match="says year 2033, expected 2032"):
        load_schedule(2032, tmp_path)


def test_required_figures_match_expected():
    assert REQUIRED_FIGURES == set(EXPECTED)
