"""Erzeugt die Vorlagen-Testdateien in tests/daten/vorlagen/ mit einem echten LibreOffice.

Einmalig von Hand ausgeführt; die Dateien sind eingecheckt und die Tests lesen sie nur.
Das Skript braucht LibreOffice und dessen Python-Anbindung (``python3-uno``) und wird
von CI nicht ausgeführt. Es läuft deshalb mit dem System-Python, nicht im venv:

    /usr/bin/python3 tests/daten/vorlagen_libreoffice.py

Grundlage ist die mit openpyxl geschriebene Vorlage beispiele/eingang/Meldung_Melle.xlsx
(nur gelesen). Das Skript startet ``soffice`` ohne Oberfläche mit einem eigenen,
temporären Benutzerprofil, steuert es über UNO und beendet es am Ende wieder.

Erzeugte Dateien:

* ``melle_lo.{xlsx,xls,ods}``: die Vorlage nur geladen und wieder gespeichert.
* ``melle_zeilen.{xlsx,xls,ods}``: drei ganze Zeilen über Zeile 3 eingefügt; alles ab
  Zeile 3 rutscht um drei nach unten (C12 wird C15 usw.), die definierten Namen wandern mit.
* ``melle_formeln.xlsx``: Formeln mit gespeichertem Ergebnis in zwei benannten Zellen:
  ``verfuegbar_gu`` (C19) ``=1/0`` (Fehlerwert #DIV/0!), ``ankuenfte`` (C13) ``=C12-0``
  (eine Zahl).
* ``melle_umbenannt.xlsx``: Blatt „Meldung“ in „Tabelle1“ umbenannt; die Namen folgen.

Bei den bearbeiteten Dateien wird der Blattschutz (ohne Kennwort) vorher aufgehoben und
danach wieder gesetzt; der Rest der Mappe bleibt unverändert.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATEN = Path(__file__).resolve().parent
PROJEKT = DATEN.parent.parent
QUELLE = PROJEKT / "beispiele" / "eingang" / "Meldung_Melle.xlsx"
ZIEL = DATEN / "vorlagen"

BLATT = "Meldung"
PIPE = "wrmfixtures"
VERBINDUNG = f"uno:pipe,name={PIPE};urp;StarOffice.ComponentContext"

# Dateiendung -> Name des Exportfilters in LibreOffice.
FILTER = {
    "xlsx": "Calc MS Excel 2007 XML",
    "xls": "MS Excel 97",
    "ods": "calc8",
}

# Feldschlüssel (= definierter Name) -> Zeile in Spalte C des Blatts „Meldung“.
FELDER = {
    "kommune": 5,
    "stand": 6,
    "ansprechpartner": 7,
    "telefon": 8,
    "email": 9,
    "zuweisungen": 12,
    "ankuenfte": 13,
    "keine_anrechnung": 14,
    "moegliche_anrechnung": 15,
    "zu_erfuellen": 16,
    "untergebracht_gu": 17,
    "untergebracht_dezentral": 18,
    "verfuegbar_gu": 19,
    "verfuegbar_dezentral": 20,
    "in_aussicht_gu": 21,
    "in_aussicht_dezentral": 22,
    "einschaetzung": 23,
}

EINGEFUEGT = 3  # Anzahl der eingefügten Zeilen in melle_zeilen.*


def eigenschaften(**werte: Any) -> tuple[Any, ...]:
    """Baut ein Tupel von ``PropertyValue`` für loadComponentFromURL/storeToURL."""
    # uno gibt es nur im System-Python mit python3-uno, daher der Import erst hier.
    import uno

    ergebnis = []
    for name, wert in werte.items():
        eigenschaft = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        eigenschaft.Name = name
        eigenschaft.Value = wert
        ergebnis.append(eigenschaft)
    return tuple(ergebnis)


def starten(profil: Path) -> subprocess.Popen[bytes]:
    """Startet soffice ohne Oberfläche mit eigenem Profil, erreichbar über die Pipe."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) wurde nicht gefunden.")
    return subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profil.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={PIPE};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def verbinden(prozess: subprocess.Popen[bytes], versuche: int = 120) -> Any:
    """Verbindet sich mit dem gestarteten soffice und gibt dessen Desktop zurück.

    Der erste Start mit frischem Profil dauert einige Sekunden; bis dahin gibt es die
    Pipe noch nicht, daher mehrere Versuche im Abstand von einer halben Sekunde.
    """
    import uno
    from com.sun.star.connection import NoConnectException

    lokal = uno.getComponentContext()
    aufloeser = lokal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokal
    )
    for _ in range(versuche):
        if prozess.poll() is not None:
            raise SystemExit(f"soffice hat sich vorzeitig beendet (Code {prozess.returncode}).")
        try:
            kontext = aufloeser.resolve(VERBINDUNG)
        except NoConnectException:
            time.sleep(0.5)
            continue
        return kontext.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", kontext
        )
    raise SystemExit("Keine Verbindung zu soffice über die UNO-Pipe.")


def beenden(prozess: subprocess.Popen[bytes], desktop: Any | None) -> None:
    """Beendet soffice: erst freundlich über UNO, notfalls den selbst gestarteten Prozess."""
    if desktop is not None:
        # Die Verbindung bricht beim Beenden oft ab (DisposedException); das ist gewollt.
        with contextlib.suppress(Exception):
            desktop.terminate()
    try:
        prozess.wait(timeout=30)
    except subprocess.TimeoutExpired:
        prozess.terminate()
        try:
            prozess.wait(timeout=10)
        except subprocess.TimeoutExpired:
            prozess.kill()
            prozess.wait()


def laden(desktop: Any, pfad: Path) -> Any:
    """Lädt eine Tabelle unsichtbar."""
    dokument = desktop.loadComponentFromURL(pfad.as_uri(), "_blank", 0, eigenschaften(Hidden=True))
    if dokument is None:
        raise SystemExit(f"LibreOffice konnte {pfad} nicht laden.")
    return dokument


@contextlib.contextmanager
def geladen(desktop: Any, pfad: Path) -> Iterator[Any]:
    """Das geladene Dokument; danach wird es ohne Speichern geschlossen."""
    dokument = laden(desktop, pfad)
    try:
        yield dokument
    finally:
        dokument.close(True)


@contextlib.contextmanager
def sitzung(vorlage: Path) -> Iterator[tuple[Any, Path]]:
    """Ein eigenes soffice mit temporärem Profil und eine Kopie der Vorlage.

    Mit einer Kopie arbeiten: LibreOffice legt neben geladenen Dateien Sperrdateien an, die
    Vorlage in beispiele/ bleibt so unberührt. Ergibt (Desktop, Pfad der Kopie).
    """
    with tempfile.TemporaryDirectory(prefix="wrm-lo-") as tmp:
        ordner = Path(tmp)
        kopie = ordner / vorlage.name
        shutil.copyfile(vorlage, kopie)
        prozess = starten(ordner / "profil")
        desktop = None
        try:
            desktop = verbinden(prozess)
            yield desktop, kopie
        finally:
            beenden(prozess, desktop)


def speichern(dokument: Any, name: str, formate: tuple[str, ...]) -> None:
    """Speichert eine Kopie des Dokuments als ZIEL/name.<format> für jedes Format."""
    for format_ in formate:
        ziel = ZIEL / f"{name}.{format_}"
        dokument.storeToURL(
            ziel.as_uri(), eigenschaften(FilterName=FILTER[format_], Overwrite=True)
        )
        print(f"geschrieben: {ziel.relative_to(PROJEKT)} ({ziel.stat().st_size} Bytes)")


def namen_pruefen(dokument: Any, blatt: str, verschiebung: int = 0) -> None:
    """Prüft, dass jeder Feldname auf die erwartete Zelle in Spalte C zeigt."""
    bereiche = dokument.NamedRanges
    for feld, zeile in FELDER.items():
        if not bereiche.hasByName(feld):
            raise SystemExit(f"definierter Name {feld!r} fehlt")
        erwartet = f"${blatt}.$C${zeile + verschiebung}"
        ist = bereiche.getByName(feld).getContent()
        if ist != erwartet:
            raise SystemExit(f"Name {feld!r} zeigt auf {ist!r}, erwartet {erwartet!r}")


def benannte_zelle(dokument: Any, feld: str) -> Any:
    """Die (einzelne) Zelle, auf die der definierte Name ``feld`` zeigt."""
    return dokument.NamedRanges.getByName(feld).getReferredCells().getCellByPosition(0, 0)


def meldung_entsperrt(dokument: Any) -> Any:
    """Hebt den Blattschutz (ohne Kennwort) von „Meldung“ auf und gibt das Blatt zurück."""
    blatt = dokument.Sheets.getByName(BLATT)
    blatt.unprotect("")
    if blatt.isProtected():
        raise SystemExit("Blattschutz von „Meldung“ ließ sich nicht aufheben.")
    return blatt


def nur_speichern(desktop: Any, quelle: Path) -> None:
    """melle_lo.*: laden und unverändert in allen drei Formaten speichern."""
    with geladen(desktop, quelle) as dokument:
        namen_pruefen(dokument, BLATT)
        speichern(dokument, "melle_lo", ("xlsx", "xls", "ods"))


def zeilen_einfuegen(desktop: Any, quelle: Path) -> None:
    """melle_zeilen.*: drei ganze Zeilen über Zeile 3 einfügen."""
    with geladen(desktop, quelle) as dokument:
        blatt = meldung_entsperrt(dokument)
        # Index 2 = Zeile 3 (nullbasiert): die neuen Zeilen werden 3–5, alte Zeile 3 wird 6.
        blatt.Rows.insertByIndex(2, EINGEFUEGT)
        namen_pruefen(dokument, BLATT, verschiebung=EINGEFUEGT)
        blatt.protect("")
        speichern(dokument, "melle_zeilen", ("xlsx", "xls", "ods"))


def formeln_setzen(desktop: Any, quelle: Path) -> None:
    """melle_formeln.xlsx: Formeln mit Fehlerwert und mit Zahl als Ergebnis."""
    with geladen(desktop, quelle) as dokument:
        blatt = meldung_entsperrt(dokument)
        fehler = benannte_zelle(dokument, "verfuegbar_gu")
        zahl = benannte_zelle(dokument, "ankuenfte")
        fehler.setFormula("=1/0")
        # =C12-C13 wäre in C13 ein Zirkelbezug; =C12-0 ergibt eine gültige Zahl.
        zahl.setFormula("=C12-0")
        dokument.calculateAll()
        # Ergebnisse vor dem Speichern prüfen: Fehler 532 ist #DIV/0! in LibreOffice.
        if fehler.getError() != 532:
            raise SystemExit(f"verfuegbar_gu: Fehlercode {fehler.getError()}, erwartet 532")
        erwartet = blatt.getCellRangeByName("C12").getValue()
        if zahl.getError() != 0 or zahl.getValue() != erwartet:
            raise SystemExit(f"ankuenfte: Ergebnis {zahl.getValue()}, erwartet {erwartet}")
        blatt.protect("")
        speichern(dokument, "melle_formeln", ("xlsx",))


def blatt_umbenennen(desktop: Any, quelle: Path) -> None:
    """melle_umbenannt.xlsx: Blatt „Meldung“ heißt danach „Tabelle1“."""
    with geladen(desktop, quelle) as dokument:
        blatt = meldung_entsperrt(dokument)
        blatt.setName("Tabelle1")
        namen_pruefen(dokument, "Tabelle1")
        blatt.protect("")
        speichern(dokument, "melle_umbenannt", ("xlsx",))


def main() -> None:
    ZIEL.mkdir(parents=True, exist_ok=True)
    with sitzung(QUELLE) as (desktop, quelle):
        nur_speichern(desktop, quelle)
        zeilen_einfuegen(desktop, quelle)
        formeln_setzen(desktop, quelle)
        blatt_umbenennen(desktop, quelle)


if __name__ == "__main__":
    main()
