<#
.SYNOPSIS
    Merges the views of every src/Sync365/Formats/*.format.ps1xml into the one format file the module loads.
.DESCRIPTION
    Each source file is a complete <Configuration> document (one per area). Their ViewDefinitions,
    SelectionSets and Controls are concatenated in file-name order. Fails on a file that is not valid XML,
    that is not a <Configuration> document, or on two views with the same name.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$SourceDirectory,
    [Parameter(Mandatory)][string]$Destination
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$merged = [xml]'<?xml version="1.0" encoding="utf-8"?><Configuration><SelectionSets/><Controls/><ViewDefinitions/></Configuration>'
$sections = 'SelectionSets', 'Controls', 'ViewDefinitions'
$viewNames = @{}
$files = @(if (Test-Path -LiteralPath $SourceDirectory) {
        Get-ChildItem -LiteralPath $SourceDirectory -Filter '*.format.ps1xml' -File | Sort-Object Name
    })
foreach ($file in $files) {
    $document = [xml]::new()
    try { $document.Load($file.FullName) }
    catch { throw "Format file '$($file.Name)' is not valid XML: $($_.Exception.Message)" }
    if ($document.DocumentElement.LocalName -ne 'Configuration') {
        throw "Format file '$($file.Name)' must have <Configuration> as its root element, not <$($document.DocumentElement.LocalName)>."
    }
    foreach ($section in $sections) {
        $sourceSection = $document.DocumentElement.SelectSingleNode($section)
        if ($null -eq $sourceSection) { continue }
        $target = $merged.DocumentElement.SelectSingleNode($section)
        foreach ($child in @($sourceSection.ChildNodes)) {
            if ($child.NodeType -ne [System.Xml.XmlNodeType]::Element) { continue }
            if ($section -eq 'ViewDefinitions') {
                $name = $child.SelectSingleNode('Name').InnerText
                if ($viewNames.ContainsKey($name)) {
                    throw "View '$name' is defined in both '$($viewNames[$name])' and '$($file.Name)'."
                }
                $viewNames[$name] = $file.Name
            }
            $null = $target.AppendChild($merged.ImportNode($child, $true))
        }
    }
}
foreach ($section in $sections) {
    $node = $merged.DocumentElement.SelectSingleNode($section)
    if (-not $node.HasChildNodes -and $section -ne 'ViewDefinitions') { $null = $merged.DocumentElement.RemoveChild($node) }
}
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Destination)
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
try { $merged.Save($writer) } finally { $writer.Dispose() }
Write-Host "Merged $($viewNames.Count) view(s) from $($files.Count) format file(s) into $(Split-Path -Leaf $Destination)."
