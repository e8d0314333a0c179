@{
    Synopsis    = 'Lists the runs and the changes a Sync365 journal records.'
    Description = @'
Get-S365Change reads a journal file, or every *.jsonl journal in a folder (by default the user's journal folder: %LOCALAPPDATA%\Sync365\journal on Windows, ~/.local/share/Sync365/journal elsewhere), and outputs one object per change: run id, time, record, the fields before and after, and its State:
- Done: the PSA confirmed the change.
- Failed: the PSA refused it; nothing changed.
- Unknown: the change was sent but no answer was recorded (the process was stopped or killed, or the network failed after every retry). Read the record to know: Undo-S365Change does that, and re-running the command that made it finishes the job.

With -Run it outputs one object per run instead (command, start and end, server and company id, counts of Done, Failed and Unknown, whether it completed or was stopped), which Undo-S365Change takes from the pipeline. It never contacts the PSA. Lines a killed process left cut short are reported as warnings and ignored.
'@
    Parameters  = @{
        JournalPath = 'A journal file, or a folder of them. Default: the user''s journal folder.'
        RunId       = 'Only this run (wildcards allowed).'
        Run         = 'Output one object per run (with counts) instead of one per change.'
        State       = 'Only changes in these states: Done, Failed, Unknown.'
    }
    Examples    = @(
        @{ Title = 'Runs in the default journal folder'; Code = 'Get-S365Change -Run | Format-Table'; Remarks = 'One line per run, oldest first.' }
        @{ Title = 'What a run could not confirm'; Code = 'Get-S365Change -JournalPath ./cutover.jsonl -State Unknown, Failed'; Remarks = 'Changes without a confirmed answer, and refused ones.' }
    )
    Links       = @('Undo-S365Change', 'Invoke-S365BulkCancelAddition')
}
