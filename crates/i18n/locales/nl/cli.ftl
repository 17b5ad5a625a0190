### What the command line tells the operator when the server starts.

cli-serving = crisismap draait op { $address } (stoppen met Ctrl+C)
cli-print-folder = De actuele crisismappen (PDF) staan in { $folder }
