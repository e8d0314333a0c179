@{
    Synopsis    = 'Puts back what a journalled Sync365 run changed, where the record still holds what the run wrote.'
    Description = @'
Undo-S365Change reads a journal written by a Sync365 command (such as Invoke-S365BulkCancelAddition) and, change by change, latest first, reads the record from the PSA:
- if it still holds what the run wrote, it is put back to the value from before the run (for a bulk cancel: the cancelled date is cleared, or set back to what it was) - Status Undone, or WouldUndo under -WhatIf;
- if it already holds the value from before the run, nothing is sent - AlreadyUndone (also the answer for a change the run never got to apply);
- if it holds something else, someone changed it since: it is left alone and reported as a Conflict, with a warning;
- if the record is gone, Gone.

Changes the journal shows as Unknown (sent, but the process was stopped or killed before the answer was recorded) are resolved the same way, by reading the record. Changes that failed in the run are skipped. Records are read -ThrottleLimit at a time before anything is asked or written, then put back -ThrottleLimit at a time.

The undo is itself journalled, as a new run (with undoOf naming the run it puts back) appended to the same journal file, so the file tells the whole story. The connection must be to the server and company id the journal names. A file that holds more than one run needs -RunId; Get-S365Change -Run lists them.
'@
    Parameters  = @{
        JournalPath = 'The journal file the run was written to (printed when the run started). Also from the pipeline, by the JournalPath property of Get-S365Change objects.'
        RunId       = 'The run to undo. Needed when the file holds more than one run with changes. Also from the pipeline by property name.'
        ThrottleLimit = 'How many records are read, and then written, at once (1-16, default 4). 429s are always waited out as Retry-After asks.'
        Connection  = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made; it must be to the PSA the run changed.'
        WhatIf      = 'Reads every record and shows what would be put back (Status WouldUndo), without sending any change.'
        Confirm     = 'Asks before each change is put back (the default, as ConfirmImpact is High). Pass -Confirm:$false in scripts.'
    }
    Examples    = @(
        @{ Title = 'See what an undo would do'; Code = 'Undo-S365Change -JournalPath ./cutover.jsonl -WhatIf'; Remarks = 'Reads each record and reports WouldUndo, AlreadyUndone or Conflict.' }
        @{ Title = 'Undo a run'; Code = 'Undo-S365Change -JournalPath ./cutover.jsonl -Confirm:$false | Group-Object Status'; Remarks = 'Puts back every change the run made that nobody has changed since.' }
        @{ Title = 'Undo the last run in the default journal folder'; Code = 'Get-S365Change -Run | Where-Object { -not $_.UndoOf } | Select-Object -Last 1 | Undo-S365Change -Confirm:$false'; Remarks = 'JournalPath and RunId come from the run object.' }
    )
    Links       = @('Get-S365Change', 'Invoke-S365BulkCancelAddition')
}
