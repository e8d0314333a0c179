<#
.SYNOPSIS
    Builds en-US/Sync365.dll-Help.xml (MAML) from src/Sync365/Help/<Verb-Noun>.psd1 and the cmdlets themselves.
.DESCRIPTION
    The prose (synopsis, description, parameter texts, examples, notes, links) comes from one data file per
    cmdlet; everything the code already knows (parameter sets, types, Mandatory, Position, pipeline input,
    aliases, wildcards, valid values, defaults, output types) is read from the staged module in a separate
    pwsh process, so help cannot drift from the code.
    The build fails, naming the cmdlet and parameter, when a help file, its synopsis or description, a
    parameter's text or an example is missing, when a help file documents a parameter that does not
    exist, or when a help file has no cmdlet. about_*.help.txt topics are copied beside the MAML file.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$ModuleManifest,
    [Parameter(Mandatory)][string]$HelpSourceDirectory,
    [Parameter(Mandatory)][string]$OutFile
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BuildHelpers.psm1') -Force

$metadataFile = Join-Path ([System.IO.Path]::GetTempPath()) "s365-help-metadata-$PID.json"
try {
    Invoke-S365FreshPwsh -File (Join-Path $PSScriptRoot 'Export-S365CommandMetadata.ps1') `
        -ArgumentList @('-ModuleManifest', $ModuleManifest, '-OutFile', $metadataFile)
    $commands = @(Get-Content -Raw -LiteralPath $metadataFile | ConvertFrom-Json)
}
finally {
    Remove-Item -LiteralPath $metadataFile -ErrorAction SilentlyContinue
}

$standardText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$allowedKeys = 'Synopsis', 'Description', 'Parameters', 'Examples', 'Notes', 'Links', 'Inputs', 'Outputs'
$problems = [System.Collections.Generic.List[string]]::new()
$helpByCommand = @{}

function Test-Text([object]$Value) { return ($Value -is [string]) -and -not [string]::IsNullOrWhiteSpace($Value) }

foreach ($command in $commands) {
    $name = $command.Name
    $path = Join-Path $HelpSourceDirectory "$name.psd1"
    if (-not (Test-Path -LiteralPath $path)) {
        $problems.Add("${name}: no help file; create src/Sync365/Help/$name.psd1.")
        continue
    }
    try { $help = Import-PowerShellDataFile -LiteralPath $path }
    catch { $problems.Add("${name}: $name.psd1 cannot be read: $($_.Exception.Message)"); continue }
    $helpByCommand[$name] = $help

    foreach ($key in $help.Keys) {
        if ($key -notin $allowedKeys) { $problems.Add("${name}: unknown key '$key' in $name.psd1 (allowed: $($allowedKeys -join ', ')).") }
    }
    if (-not (Test-Text $help['Synopsis'])) { $problems.Add("${name}: Synopsis is missing.") }
    if (-not (Test-Text $help['Description'])) { $problems.Add("${name}: Description is missing.") }

    $documented = if ($help['Parameters'] -is [hashtable]) { $help['Parameters'] } else { @{} }
    $realNames = @($command.Parameters | ForEach-Object Name)
    foreach ($parameter in $command.Parameters) {
        if ($parameter.IsCommon) { continue }
        if (-not (Test-Text $documented[$parameter.Name])) {
            $problems.Add("${name}: parameter -$($parameter.Name) is not described (Parameters.$($parameter.Name)).")
        }
    }
    foreach ($key in $documented.Keys) {
        if ($key -notin $realNames) { $problems.Add("${name}: help describes parameter -$key, which the cmdlet does not have.") }
    }

    $examples = @($help['Examples'])
    if ($examples.Count -eq 0 -or $null -eq $help['Examples']) { $problems.Add("${name}: no example (Examples = @( @{ Title; Code; Remarks } )).") }
    $index = 0
    foreach ($example in $examples) {
        $index++
        if ($example -isnot [hashtable]) { $problems.Add("${name}: example $index is not a hashtable."); continue }
        if (-not (Test-Text $example['Title'])) { $problems.Add("${name}: example $index has no Title.") }
        if (-not (Test-Text $example['Code'])) { $problems.Add("${name}: example $index has no Code.") }
    }
}

$known = @($commands | ForEach-Object Name)
foreach ($file in Get-ChildItem -LiteralPath $HelpSourceDirectory -Filter '*.psd1' -File -ErrorAction SilentlyContinue) {
    if ($file.BaseName -notin $known) { $problems.Add("$($file.Name): help for a cmdlet the module does not export.") }
}

if ($problems.Count -gt 0) {
    throw "Help is incomplete ($($problems.Count) problem(s)):`n  " + ($problems -join "`n  ")
}

# --- MAML ---------------------------------------------------------------------------------------------
$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutFile)
$w = [System.Xml.XmlWriter]::Create($OutFile, $settings)

function Write-Paragraphs([string]$Text) {
    foreach ($para in ($Text.Trim() -split '\r?\n\s*\r?\n')) {
        $w.WriteElementString('maml', 'para', $ns.maml, ($para.Trim() -replace '\s*\r?\n\s*', ' '))
    }
}

function Write-Description([string]$Prefix, [string]$NamespaceUri, [string]$Text) {
    $w.WriteStartElement($Prefix, 'description', $NamespaceUri)
    if ($Text) { Write-Paragraphs $Text }
    $w.WriteEndElement()
}

function Get-PipelineInput($Usages) {
    $byValue = @($Usages | Where-Object ValueFromPipeline).Count -gt 0
    $byName = @($Usages | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
    $kinds = @(if ($byValue) { 'ByValue' }; if ($byName) { 'ByPropertyName' })
    if ($kinds.Count -eq 0) { return 'False' }
    return "True ($($kinds -join ', '))"
}

function Write-Parameter($Parameter, $Usages, [string]$Text) {
    $positions = @($Usages | ForEach-Object { $_.Position } | Sort-Object -Unique)
    $position = if ($positions.Count -eq 1 -and $positions[0] -ge 0) { [string]$positions[0] } else { 'named' }
    $required = @($Usages | Where-Object { -not $_.IsMandatory }).Count -eq 0
    $aliases = if (@($Parameter.Aliases).Count) { @($Parameter.Aliases) -join ', ' } else { 'none' }
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', ($Parameter.TypeName.EndsWith('[]')).ToString().ToLowerInvariant())
    $w.WriteAttributeString('globbing', ([bool]$Parameter.SupportsWildcards).ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', (Get-PipelineInput $Usages))
    $w.WriteAttributeString('position', $position)
    $w.WriteAttributeString('aliases', $aliases)
    $w.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Description 'maml' $ns.maml $Text
    if (-not $Parameter.IsSwitch) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteAttributeString('variableLength', 'false')
        $w.WriteString($Parameter.TypeName)
        $w.WriteEndElement()
    }
    if (@($Parameter.ValidValues).Count) {
        $w.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Parameter.ValidValues) {
            $w.WriteStartElement('command', 'parameterValue', $ns.command)
            $w.WriteAttributeString('required', 'false')
            $w.WriteAttributeString('variableLength', 'false')
            $w.WriteString([string]$value)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev)
    $w.WriteElementString('maml', 'name', $ns.maml, $Parameter.TypeFullName)
    $w.WriteEndElement()
    $default = if ($null -ne $Parameter.DefaultValue) { [string]$Parameter.DefaultValue } elseif ($Parameter.IsSwitch) { 'False' } else { 'None' }
    $w.WriteElementString('dev', 'defaultValue', $ns.dev, $default)
    $w.WriteEndElement()
}

function Write-TypeList([string]$Outer, [string]$Inner, [string[]]$Names, [string]$Text) {
    $w.WriteStartElement('command', $Outer, $ns.command)
    foreach ($typeName in $Names) {
        $w.WriteStartElement('command', $Inner, $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $typeName)
        $w.WriteEndElement()
        Write-Description 'maml' $ns.maml $Text
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
}

try {
    $w.WriteStartDocument()
    $w.WriteStartElement('helpItems', $ns.msh)
    $w.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        $help = $helpByCommand[$command.Name]
        $documented = if ($help['Parameters'] -is [hashtable]) { $help['Parameters'] } else { @{} }
        $textOf = { param($p) if ($standardText.ContainsKey($p.Name) -and $p.IsCommon) { $standardText[$p.Name] } else { [string]$documented[$p.Name] } }
        $byName = @{}
        foreach ($p in $command.Parameters) { $byName[$p.Name] = $p }

        $w.WriteStartElement('command', 'command', $ns.command)
        $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
        $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)

        $w.WriteStartElement('command', 'details', $ns.command)
        $w.WriteElementString('command', 'name', $ns.command, $command.Name)
        Write-Description 'maml' $ns.maml $help.Synopsis
        $w.WriteElementString('command', 'verb', $ns.command, $command.Verb)
        $w.WriteElementString('command', 'noun', $ns.command, $command.Noun)
        $w.WriteEndElement()

        Write-Description 'maml' $ns.maml $help.Description

        # Syntax: one item per parameter set, default set first, mandatory/positional parameters first.
        $w.WriteStartElement('command', 'syntax', $ns.command)
        foreach ($set in @($command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name)) {
            $w.WriteStartElement('command', 'syntaxItem', $ns.command)
            $w.WriteElementString('maml', 'name', $ns.maml, $command.Name)
            $ordered = @($set.Parameters | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory })
            foreach ($usage in $ordered) {
                $p = $byName[$usage.Name]
                Write-Parameter $p @($usage) (& $textOf $p)
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'parameters', $ns.command)
        foreach ($p in @($command.Parameters | Sort-Object { $_.IsCommon }, Name)) {
            $usages = @($command.ParameterSets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $p.Name)
            Write-Parameter $p $usages (& $textOf $p)
        }
        $w.WriteEndElement()

        $pipelineTypes = @($command.Parameters | Where-Object {
                $n = $_.Name
                @($command.ParameterSets | ForEach-Object { $_.Parameters } | Where-Object { $_.Name -eq $n -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) }).Count
            } | ForEach-Object TypeFullName | Sort-Object -Unique)
        $inputs = if ($help['Inputs']) { @($help['Inputs']) } elseif ($pipelineTypes.Count) { $pipelineTypes } else { @('None') }
        Write-TypeList 'inputTypes' 'inputType' $inputs ''
        $outputs = if ($help['Outputs']) { @($help['Outputs']) } elseif (@($command.OutputTypes).Count) { @($command.OutputTypes) } else { @('None') }
        Write-TypeList 'returnValues' 'returnValue' $outputs ''

        if ($help['Notes']) {
            $w.WriteStartElement('maml', 'alertSet', $ns.maml)
            $w.WriteStartElement('maml', 'alert', $ns.maml)
            Write-Paragraphs $help.Notes
            $w.WriteEndElement()
            $w.WriteEndElement()
        }

        $w.WriteStartElement('command', 'examples', $ns.command)
        $number = 0
        foreach ($example in @($help.Examples)) {
            $number++
            $w.WriteStartElement('command', 'example', $ns.command)
            $w.WriteElementString('maml', 'title', $ns.maml, "--------- Example ${number}: $($example.Title) ---------")
            $w.WriteElementString('dev', 'code', $ns.dev, $example.Code.Trim())
            $w.WriteStartElement('dev', 'remarks', $ns.dev)
            if ($example['Remarks']) { Write-Paragraphs $example.Remarks }
            $w.WriteElementString('maml', 'para', $ns.maml, '') # a blank line before the next example
            $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'relatedLinks', $ns.command)
        foreach ($link in @($help['Links'] | Where-Object { $_ })) {
            $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
            if ($link -match '^https?://') {
                $w.WriteElementString('maml', 'linkText', $ns.maml, 'Online version:')
                $w.WriteElementString('maml', 'uri', $ns.maml, $link)
            }
            else {
                $w.WriteElementString('maml', 'linkText', $ns.maml, $link)
                $w.WriteElementString('maml', 'uri', $ns.maml, '')
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteEndElement() # command:command
    }
    $w.WriteEndElement()
    $w.WriteEndDocument()
}
finally {
    $w.Dispose()
}

$outDirectory = Split-Path -Parent $OutFile
foreach ($topic in Get-ChildItem -LiteralPath $HelpSourceDirectory -Filter 'about_*.help.txt' -File -ErrorAction SilentlyContinue) {
    Copy-Item -LiteralPath $topic.FullName -Destination $outDirectory
}
Write-Host "Help: $(@($commands).Count) cmdlet(s) documented in $(Split-Path -Leaf $OutFile)."
