<#
.SYNOPSIS
    Writes, as JSON, what the help generator needs to know about each cmdlet of a staged module.
.DESCRIPTION
    Run in its own pwsh process (by New-S365Help.ps1), so that the module imported here is the staged one
    and leaves nothing loaded in the build's session. The facts come from Get-Command, i.e. from the
    compiled cmdlets themselves: parameter sets, types, Mandatory, Position, pipeline input, aliases,
    wildcard support, ValidateSet values, and defaults (property values of a freshly constructed cmdlet).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$ModuleManifest,
    [Parameter(Mandatory)][string]$OutFile
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$module = Import-Module -Name $ModuleManifest -PassThru -Force
$common = [System.Collections.Generic.HashSet[string]]::new([string[]](
        [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters),
    [System.StringComparer]::OrdinalIgnoreCase)

function Get-TypeName([type]$Type) {
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return Get-TypeName $Type.GetGenericArguments()[0] }
    return $Type.Name
}

function Get-DefaultValue([object]$Instance, [string]$PropertyName) {
    $property = $Instance.GetType().GetProperty($PropertyName)
    if ($null -eq $property -or -not $property.CanRead) { return $null }
    $value = $property.GetValue($Instance)
    if ($null -eq $value) { return $null }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return $(if ($value.IsPresent) { 'True' } else { $null }) }
    $type = $value.GetType()
    if ($type.IsValueType -and $value -eq [Activator]::CreateInstance($type)) { return $null }
    if ($value -is [string] -and $value.Length -eq 0) { return $null }
    if ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) {
        $items = @($value)
        if ($items.Count -eq 0) { return $null }
        return ($items -join ', ')
    }
    return [string]$value
}

$commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $instance = $null
    try { $instance = [Activator]::CreateInstance($command.ImplementingType) }
    catch { Write-Warning "Cannot construct $($command.Name) to read its defaults: $($_.Exception.Message)" }

    $sets = foreach ($set in $command.ParameterSets) {
        [ordered]@{
            Name       = $set.Name
            IsDefault  = $set.IsDefault
            Parameters = @(foreach ($p in $set.Parameters) {
                    if ($common.Contains($p.Name) -and $p.Name -notin 'WhatIf', 'Confirm') { continue }
                    [ordered]@{
                        Name                            = $p.Name
                        IsMandatory                     = $p.IsMandatory
                        Position                        = $p.Position
                        ValueFromPipeline               = $p.ValueFromPipeline
                        ValueFromPipelineByPropertyName = $p.ValueFromPipelineByPropertyName
                        ValueFromRemainingArguments     = $p.ValueFromRemainingArguments
                    }
                })
        }
    }

    $parameters = foreach ($p in $command.Parameters.Values) {
        if ($common.Contains($p.Name) -and $p.Name -notin 'WhatIf', 'Confirm') { continue }
        $validateSet = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } |
                ForEach-Object { $_.ValidValues })
        if ($p.ParameterType.IsEnum) { $validateSet = [System.Enum]::GetNames($p.ParameterType) }
        [ordered]@{
            Name              = $p.Name
            TypeName          = Get-TypeName $p.ParameterType
            TypeFullName      = $p.ParameterType.FullName
            IsSwitch          = $p.SwitchParameter
            IsCommon          = $common.Contains($p.Name)
            Aliases           = @($p.Aliases)
            SupportsWildcards = [bool]@($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            ValidValues       = @($validateSet)
            DefaultValue      = $(if ($instance) { Get-DefaultValue $instance $p.Name })
        }
    }

    [ordered]@{
        Name                = $command.Name
        Verb                = $command.Verb
        Noun                = $command.Noun
        DefaultParameterSet = $command.DefaultParameterSet
        OutputTypes         = @($command.OutputType | ForEach-Object { $_.Name })
        ParameterSets       = @($sets)
        Parameters          = @($parameters)
    }
}

$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutFile)
ConvertTo-Json -InputObject @($commands) -Depth 10 | Set-Content -LiteralPath $OutFile -Encoding utf8NoBOM
