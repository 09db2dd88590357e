from graphbuild.names import acronym, blocking_keys, fold, is_acronym, normalize, phonetic, surname


def test_normalize_folds_case_accents_possessives_and_dotted_acronyms():
    assert normalize("Soleimani's") == "soleimani"
    assert normalize("U.S.") == "us" and normalize("the United States") == "united states"
    assert normalize("Iran's Revolutionary Guard") == "iran revolutionary guard"
    assert normalize("José  Pérez") == "jose perez"


def test_fold_joins_doubled_letters_phonetic_joins_vowels_and_both_drop_particles():
    assert fold("Qassem Soleimani") == fold("Qasem Soleimani")
    assert fold("Mohammed Javad Zarif") != fold("Mohammad Javad Zarif")
    assert phonetic("Mohammed Javad Zarif") == phonetic("Mohammad Javad Zarif")
    assert surname("Bashar al-Assad") == surname("Assad")
    assert fold("Mark Esper") != fold("Mark Milley")


def test_acronyms_and_blocking_keys():
    assert acronym("Islamic Revolutionary Guards Corps") == "irgc" and is_acronym("IRGC") and is_acronym("U.S.")
    assert not is_acronym("Iran")
    assert "s:" + surname("Assad") in blocking_keys("Bashar al-Assad", "Person")
    assert "a:irgc" in blocking_keys("IRGC", "Organization") & blocking_keys("Islamic Revolutionary Guards Corps", "Organization")


def test_dotted_acronym_inside_a_name_gives_all_its_letters():
    assert acronym("U.S. Navy") == "usn"
    assert acronym("U.N. Security Council") == "unsc"
