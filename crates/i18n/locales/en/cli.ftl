### What the command line tells the operator when the server starts.

cli-serving = crisismap serves on { $address } (stop with Ctrl+C)
cli-print-folder = current crisis folders (PDF) are kept in { $folder }
