@_exported import MissionJSON
